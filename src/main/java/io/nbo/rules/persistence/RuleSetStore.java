package io.nbo.rules.persistence;

import io.nbo.rules.compile.RuleSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system of record for rule-set versions: every activated version's exact files (bytes and hash), who made it and
 * when, and the activation log. The newest activation is the live version, for this node and any other.
 */
@ApplicationScoped
public class RuleSetStore {

    private final EntityManager em;

    public RuleSetStore(EntityManager em) {
        this.em = em;
    }

    /** Records that a version went live, storing the version and its files first if they are new. */
    @Transactional
    public Activation recordActivation(String version, List<RuleSource> sources, int ruleCount, String who,
                                       String origin, String changed, String detail) {
        RuleSetVersionEntity stored = versionEntity(version).orElseGet(() -> {
            RuleSetVersionEntity v = new RuleSetVersionEntity();
            v.version = version;
            v.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.createdBy = clip(who, 64);
            v.origin = origin;
            v.changed = clip(changed, 200);
            v.ruleCount = ruleCount;
            em.persist(v);
            em.flush();
            for (RuleSource source : sources) {
                RuleSetSourceEntity s = new RuleSetSourceEntity();
                s.versionId = v.id;
                s.name = source.name();
                s.sha256 = sha256(source.bytes());
                s.content = source.bytes();
                em.persist(s);
            }
            return v;
        });
        RuleSetActivationEntity a = new RuleSetActivationEntity();
        a.versionId = stored.id;
        a.activatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.activatedBy = clip(who, 64);
        a.origin = origin;
        a.detail = clip(detail, 500);
        em.persist(a);
        return new Activation(a.id, version, a.activatedAt.toInstant(), a.activatedBy, origin, a.detail);
    }

    /** The newest activation: the version every node should serve. */
    @Transactional
    public Optional<Activation> latestActivation() {
        return em.createQuery("select a, v.version from RuleSetActivationEntity a, RuleSetVersionEntity v "
                        + "where v.id = a.versionId order by a.id desc", Object[].class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(row -> activation((RuleSetActivationEntity) row[0], (String) row[1]));
    }

    /** Every stored version, newest first, with when it was last activated. */
    @Transactional
    public List<StoredVersion> versions() {
        return em.createQuery("select v, max(a.activatedAt), count(a) from RuleSetVersionEntity v, "
                        + "RuleSetActivationEntity a where a.versionId = v.id "
                        + "group by v order by max(a.id) desc", Object[].class)
                .getResultList().stream()
                .map(row -> stored((RuleSetVersionEntity) row[0], (OffsetDateTime) row[1], (Long) row[2]))
                .toList();
    }

    /** The activation log, newest first. */
    @Transactional
    public List<Activation> activations(int limit) {
        return em.createQuery("select a, v.version from RuleSetActivationEntity a, RuleSetVersionEntity v "
                        + "where v.id = a.versionId order by a.id desc", Object[].class)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> activation((RuleSetActivationEntity) row[0], (String) row[1])).toList();
    }

    /** The exact files of a version, by name, or empty when no such version was ever activated. */
    @Transactional
    public Optional<List<RuleSource>> sources(String version) {
        return versionEntity(version).map(v -> em.createQuery(
                        "from RuleSetSourceEntity s where s.versionId = :id order by s.name", RuleSetSourceEntity.class)
                .setParameter("id", v.id).getResultStream()
                .map(s -> new RuleSource(s.name, s.content)).toList());
    }

    /** File name to SHA-256 of a version's files. */
    @Transactional
    public Map<String, String> hashes(String version) {
        Map<String, String> out = new LinkedHashMap<>();
        versionEntity(version).ifPresent(v -> em.createQuery(
                        "from RuleSetSourceEntity s where s.versionId = :id order by s.name", RuleSetSourceEntity.class)
                .setParameter("id", v.id).getResultStream().forEach(s -> out.put(s.name, s.sha256)));
        return out;
    }

    private Optional<RuleSetVersionEntity> versionEntity(String version) {
        return em.createQuery("from RuleSetVersionEntity v where v.version = :version", RuleSetVersionEntity.class)
                .setParameter("version", version).getResultStream().findFirst();
    }

    private static Activation activation(RuleSetActivationEntity a, String version) {
        return new Activation(a.id, version, a.activatedAt.toInstant(), a.activatedBy, a.origin, a.detail);
    }

    private static StoredVersion stored(RuleSetVersionEntity v, OffsetDateTime lastActivated, long activations) {
        return new StoredVersion(v.version, v.createdAt.toInstant(), v.createdBy, v.origin, v.changed, v.ruleCount,
                lastActivated.toInstant(), activations);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One activation event. */
    public record Activation(long id, String version, Instant activatedAt, String activatedBy, String origin,
                             String detail) {
    }

    /** One stored version. */
    public record StoredVersion(String version, Instant createdAt, String createdBy, String origin, String changed,
                                int ruleCount, Instant lastActivatedAt, long activations) {
    }
}
