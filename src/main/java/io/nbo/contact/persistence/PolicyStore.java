package io.nbo.contact.persistence;

import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.persistence.RuleSetStore.Activation;
import io.nbo.rules.persistence.RuleSetStore.StoredVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The system of record for contact-policy versions, as {@link RuleSetStore} is for rule sets (and answering in its
 * shapes, so both version histories read alike): every activated version's exact file (bytes and hash), who made it
 * and when, and the activation log. The newest activation is the live policy.
 */
@ApplicationScoped
public class PolicyStore {

    private final EntityManager em;

    public PolicyStore(EntityManager em) {
        this.em = em;
    }

    /** One stored policy file. */
    public record StoredFile(String version, String name, byte[] content) {
    }

    /** Records that a version went live, storing the version and its file first if they are new. */
    @Transactional
    public Activation recordActivation(String version, String fileName, byte[] content, int ruleCount, String who,
                                       String origin, String changed, String detail) {
        PolicyVersionEntity stored = versionEntity(version).orElseGet(() -> {
            PolicyVersionEntity v = new PolicyVersionEntity();
            v.version = version;
            v.fileName = clip(fileName, 200);
            v.sha256 = RuleSetStore.sha256(content);
            v.content = content;
            v.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.createdBy = clip(who, 64);
            v.origin = origin;
            v.changed = clip(changed, 200);
            v.ruleCount = ruleCount;
            em.persist(v);
            em.flush();
            return v;
        });
        PolicyActivationEntity a = new PolicyActivationEntity();
        a.versionId = stored.id;
        a.activatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.activatedBy = clip(who, 64);
        a.origin = origin;
        a.detail = clip(detail, 500);
        em.persist(a);
        return activation(a, version);
    }

    /** The newest activation: the policy to serve. */
    @Transactional
    public Optional<Activation> latestActivation() {
        return activations(1).stream().findFirst();
    }

    /** Every stored version, newest activation first. */
    @Transactional
    public List<StoredVersion> versions() {
        return em.createQuery("select v, max(a.activatedAt), count(a) from PolicyVersionEntity v, "
                        + "PolicyActivationEntity a where a.versionId = v.id "
                        + "group by v order by max(a.id) desc", Object[].class)
                .getResultList().stream()
                .map(row -> stored((PolicyVersionEntity) row[0], (OffsetDateTime) row[1], (Long) row[2]))
                .toList();
    }

    /** The activation log, newest first. */
    @Transactional
    public List<Activation> activations(int limit) {
        return em.createQuery("select a, v.version from PolicyActivationEntity a, PolicyVersionEntity v "
                        + "where v.id = a.versionId order by a.id desc", Object[].class)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> activation((PolicyActivationEntity) row[0], (String) row[1])).toList();
    }

    /** The exact file of a version, or empty when no such version was ever activated. */
    @Transactional
    public Optional<StoredFile> file(String version) {
        return versionEntity(version).map(v -> new StoredFile(v.version, v.fileName, v.content));
    }

    private Optional<PolicyVersionEntity> versionEntity(String version) {
        return em.createQuery("from PolicyVersionEntity v where v.version = :version", PolicyVersionEntity.class)
                .setParameter("version", version).getResultStream().findFirst();
    }

    private static Activation activation(PolicyActivationEntity a, String version) {
        return new Activation(a.id, version, a.activatedAt.toInstant(), a.activatedBy, a.origin, a.detail);
    }

    private static StoredVersion stored(PolicyVersionEntity v, OffsetDateTime lastActivated, long activations) {
        return new StoredVersion(v.version, v.createdAt.toInstant(), v.createdBy, v.origin, v.changed, v.ruleCount,
                lastActivated.toInstant(), activations);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
