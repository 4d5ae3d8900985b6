package io.nbo.contact.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.config.ClusterConfig;
import io.nbo.config.NboConfig;
import io.nbo.contact.persistence.PolicyStore;
import io.nbo.contact.policy.PolicyDiff;
import io.nbo.contact.policy.PolicyDraft;
import io.nbo.contact.policy.PolicyRejected;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.persistence.RuleSetStore.Activation;
import io.nbo.rules.service.ReloadStatus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Owns the live contact policy, through the lifecycle rule tables have: a table (from the file, an upload or a stored
 * version) becomes a draft checked cell by cell with its examples run ({@link PolicyDraft}); only a valid draft is
 * recorded as an activation in the database (who, when, the exact file) and swapped in, written through to the file
 * when the rule folders are; otherwise the live policy stays and the caller gets every problem, located.
 * At start-up the file goes live when it passes, else the last activated version from the database.
 * Each decision reads the live policy once, at its start, through {@link #current()}, and applies and logs that one.
 */
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);
    private static final String SYSTEM = "system";
    /** The topic of policy activations and rollbacks in the cluster's change notices. */
    public static final String TOPIC = "contact-policy";

    private final PolicyFiles files;
    private final PolicyStore store;
    private final JdbcVolumeLedger volumes;
    private final OfferCatalogue catalogue;
    private final boolean writeThrough;
    private final ClusterChanges cluster;
    private final boolean clustered;
    private final PolicyDiff differ = new PolicyDiff();
    private final AtomicReference<Live> live = new AtomicReference<>(Live.NONE);
    private volatile ReloadStatus lastReload;

    /**
     * The live policy, the exact file it was read from, where that came from and who made it live.
     *
     * @param source the file path, "upload", "rollback" or "database"
     */
    public record Live(ContactPolicy policy, String source, String file, byte[] bytes, String activatedBy,
                       Instant activatedAt) {

        static final Live NONE = new Live(ContactPolicy.NONE, "none", null, new byte[0], null, null);
    }

    public PolicyService(NboConfig config, PolicyStore store, JdbcVolumeLedger volumes, OfferCatalogue catalogue,
                         ClusterChanges cluster, ClusterConfig clusterConfig) {
        this.cluster = cluster;
        this.clustered = clusterConfig.enabled();
        this.files = new PolicyFiles(Path.of(config.contact().policyFile()));
        this.store = store;
        this.volumes = volumes;
        this.catalogue = catalogue;
        this.writeThrough = config.rules().writeThrough();
    }

    /** The file when it passes its checks, else the last activated version; no server starts on neither. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        Optional<Activation> latest = store.latestActivation();
        cluster.subscribe(TOPIC, this::follow);
        Optional<Path> file = files.find();
        Optional<PolicyDraft> clusterLive = clustered ? latest.flatMap(a -> stored(a.version())) : Optional.empty();
        if (clusterLive.isPresent() && clusterLive.get().valid()) {
            // One of several nodes: the cluster's live policy is the database's, not this node's file.
            activate(clusterLive.get(), SYSTEM, "startup", "database", false);
            return;
        }
        if (file.isPresent()) {
            byte[] bytes = files.read(file.get());
            PolicyDraft draft = PolicyDraft.check(file.get().getFileName().toString(), bytes, null);
            lastReload = status(draft);
            if (draft.valid()) {
                boolean record = latest.map(a -> !a.version().equals(draft.version())).orElse(true);
                activate(draft, SYSTEM, "startup", file.get().toString(), record);
                return;
            }
            LOG.errorf("The contact-policy table %s does not pass its checks:\n  %s", file.get(), draft.blocking()
                    .stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
            Optional<PolicyDraft> stored = latest.flatMap(a -> stored(a.version())).filter(PolicyDraft::valid);
            if (stored.isEmpty()) {
                draft.orReject(file.get().toString());
            }
            activate(stored.get(), SYSTEM, "startup", "database", false);
            LOG.warnf("Serving the last activated contact policy %s from the database instead", stored.get().version());
            return;
        }
        Optional<PolicyDraft> stored = latest.flatMap(a -> stored(a.version())).filter(PolicyDraft::valid);
        if (stored.isPresent()) {
            activate(stored.get(), SYSTEM, "startup", "database", false);
            LOG.warnf("No contact-policy table at %s: serving the last activated version %s", files.configured(),
                    stored.get().version());
        } else {
            LOG.warnf("No contact-policy table at %s: only consent is enforced", files.configured());
        }
    }

    /**
     * Puts live the version the database names as live when this node serves another (a change made on another node:
     * cluster notice or resync). Not recorded again: it passed its checks where it was made.
     */
    synchronized void follow() {
        Optional<PolicyDraft> latest = store.latestActivation().filter(a -> !a.version().equals(current().version()))
                .flatMap(a -> stored(a.version()));
        if (latest.isPresent() && latest.get().valid()) {
            activate(latest.get(), SYSTEM, "cluster", "database", false);
        }
    }

    public ContactPolicy current() {
        return live.get().policy();
    }

    public Live live() {
        return live.get();
    }

    /** The last time the file was read (start-up or reload), and its problems if it did not pass. */
    public Optional<ReloadStatus> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /** Re-reads the policy file and puts it live if it passes; the live policy stays if it does not. */
    public synchronized PolicyActivation reload(String who) {
        Path file = files.find().orElseThrow(() -> new NotFoundProblem("there is no contact-policy table at "
                + files.configured() + "; upload one with PUT /api/policy"));
        PolicyDraft draft = PolicyDraft.check(file.getFileName().toString(), files.read(file), offerIds());
        lastReload = status(draft);
        PolicyActivation result = change(draft, who, "reload", file.toString(), file.toString());
        Live now = live.get();
        if (!result.changed() && !now.source().equals(file.toString())) {
            // The file holds exactly the live policy (put back after an upload or rollback): it is the source again.
            live.set(new Live(now.policy(), file.toString(), now.file(), now.bytes(), now.activatedBy(),
                    now.activatedAt()));
        }
        return result;
    }

    /** Checks an uploaded table (CSV or workbook) and puts it live if it passes every check and example. */
    public synchronized PolicyActivation upload(byte[] bytes, String who) {
        PolicyDraft draft = check(bytes);
        PolicyActivation result = change(draft, who, "upload", "upload", "the uploaded table");
        if (result.changed()) {
            writeThrough(draft);
        }
        return result;
    }

    /** Checks a table as an upload would, without putting anything live. */
    public PolicyDraft validate(byte[] bytes) {
        return check(bytes);
    }

    /** A table checked for simulation: refused ({@link PolicyRejected}) unless it could go live. */
    public PolicyDraft draft(byte[] bytes) {
        return check(bytes).orReject("the draft");
    }

    /** Puts an earlier version live again, exactly as it was, if it still passes its checks. */
    public synchronized PolicyActivation rollback(String version, String who) {
        PolicyStore.StoredFile file = store.file(version).orElseThrow(() -> unknown(version));
        PolicyDraft draft = PolicyDraft.check(file.name(), file.content(), offerIds());
        PolicyActivation result = change(draft, who, "rollback", "rollback", "version " + version);
        if (result.changed()) {
            writeThrough(draft);
        }
        return result;
    }

    /** The exact file of a version ("live" names the live one). */
    public PolicyStore.StoredFile file(String version) {
        Live now = live.get();
        if (version == null || version.isBlank() || version.equals("live") || version.equals(now.policy().version())) {
            if (now.file() == null) {
                throw new NotFoundProblem("no contact policy is live: only consent is enforced; upload one with PUT "
                        + "/api/policy");
            }
            return new PolicyStore.StoredFile(now.policy().version(), now.file(), now.bytes());
        }
        return store.file(version.strip()).orElseThrow(() -> unknown(version));
    }

    static NotFoundProblem unknown(String version) {
        return new NotFoundProblem("no contact-policy version '" + version + "' was ever activated; GET "
                + "/api/policy/versions lists them");
    }

    private PolicyDraft check(byte[] bytes) {
        byte[] body = bytes == null ? new byte[0] : bytes;
        return PolicyDraft.check(files.nameFor(body), body, offerIds());
    }

    private PolicyActivation change(PolicyDraft draft, String who, String origin, String source, String what) {
        Live now = live.get();
        if (draft.version().equals(now.policy().version())) {
            return new PolicyActivation(draft.version(), draft.version(), false, draft.policy().rules().size(),
                    draft.testsRun(), draft.warnings(), now.activatedBy(), now.activatedAt());
        }
        draft.orReject(what);
        return activate(draft, who, origin, source, true);
    }

    private PolicyActivation activate(PolicyDraft draft, String who, String origin, String source, boolean record) {
        Live previous = live.get();
        String previousVersion = previous == Live.NONE ? null : previous.policy().version();
        Instant at = Instant.now();
        if (record) {
            String changed = previous == Live.NONE ? draft.table().name() : differ.summary(previous.file(),
                    previous.bytes(), draft.table().name(), draft.table().bytes());
            at = store.recordActivation(draft.version(), draft.table().name(), draft.table().bytes(),
                    draft.policy().rules().size(), who, origin, changed,
                    previousVersion == null ? null : "replaced " + previousVersion).activatedAt();
        }
        volumes.configure(draft.policy().rules(PolicyRule.Kind.VOLUME));
        live.set(new Live(draft.policy(), source, draft.table().name(), draft.table().bytes(), who, at));
        if (record) {
            cluster.publish(TOPIC, draft.version());
        }
        LOG.infof("Contact policy %s is live: %d rules from %s (%s by %s, %d tests passed, %d warnings)",
                draft.version(), draft.policy().rules().size(), source, origin, who, draft.testsRun(),
                draft.warnings().size());
        return new PolicyActivation(draft.version(), previousVersion, true, draft.policy().rules().size(),
                draft.testsRun(), draft.warnings(), who, at);
    }

    private Optional<PolicyDraft> stored(String version) {
        return store.file(version).map(f -> PolicyDraft.check(f.name(), f.content(), null));
    }

    private static ReloadStatus status(PolicyDraft draft) {
        return new ReloadStatus(Instant.now(), draft.version(), draft.valid(), draft.blocking());
    }

    private void writeThrough(PolicyDraft draft) {
        if (!writeThrough) {
            return;
        }
        try {
            files.write(draft.table().name(), draft.table().bytes());
        } catch (RuntimeException e) {
            LOG.warnf("The live contact policy is recorded in the database but could not be written to %s: %s",
                    files.configured(), e.getMessage());
        }
    }

    private Set<String> offerIds() {
        return catalogue.offers().stream().map(Offer::id).collect(Collectors.toUnmodifiableSet());
    }
}
