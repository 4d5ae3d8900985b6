package io.nbo.rules.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.config.NboConfig;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.validate.DraftChecker;
import io.nbo.rules.validate.DraftReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Changes the live rule set: uploads, changes on disk and rollbacks become a draft, which is checked (vocabulary,
 * values, compile, the workbooks' own tests) in the background and only then recorded as an activation in the database
 * and swapped in atomically. Changes are applied one at a time; a draft that fails leaves the live version serving.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);

    private final RuleEngine engine;
    private final ReferenceCheck reference;
    private final RuleSetStore store;
    private final OfferCatalogue catalogue;
    private final NboConfig config;
    private final RuleFiles files;
    private final DraftChecker checker = new DraftChecker();
    private final HeaderGate headers = new HeaderGate();
    private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-set-activation");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, RuleSource> liveSources = Map.of();
    private volatile ReloadStatus lastReload;

    public RuleSetService(RuleEngine engine, RuleSetStore store, OfferCatalogue catalogue, NboConfig config,
                          ReferenceCheck reference) {
        this.engine = engine;
        this.reference = reference;
        this.store = store;
        this.catalogue = catalogue;
        this.config = config;
        this.files = new RuleFiles(config);
    }

    /** Puts the folders live at startup; when they do not pass, the last activated version from the database. */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        RuleSourceLoader.Loaded loaded = files.load();
        List<RuleSource> disk = loaded.sources();
        DraftReport report = refusing(checker.check(disk, null), loaded);
        Optional<RuleSetStore.Activation> latest = store.latestActivation();
        if (report.valid()) {
            boolean record = latest.map(a -> !a.version().equals(report.version())).orElse(true);
            activate(report, disk, Actor.SYSTEM, "startup", "rule files at startup", record);
            return;
        }
        LOG.errorf("The rule files in %s do not pass their checks:\n  %s", files.folders(), report.blocking()
                .stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        List<RuleSource> stored = latest.flatMap(a -> store.sources(a.version())).orElseThrow(() ->
                new RuleSetException(report.blocking()));
        DraftReport fallback = checker.check(stored, null);
        if (!fallback.valid()) {
            throw new RuleSetException(report.blocking());
        }
        activate(fallback, stored, Actor.SYSTEM, "startup", null, false);
        lastReload = new ReloadStatus(Instant.now(), report.version(), false, report.blocking());
        LOG.warnf("Serving the last activated version %s from the database instead", fallback.version());
    }

    @PreDestroy
    void stop() {
        changes.shutdownNow();
    }

    /** Uploads one decision table (replacing or adding it), and puts the result live if it passes every check. */
    public ActivationResult upload(String name, byte[] bytes, Actor actor) {
        RuleSource source = uploaded(name, bytes);
        return await(() -> {
            lockHeader(source, actor);
            List<RuleSource> draft = with(source);
            DraftReport report = checker.check(draft, offerIds(), retiredOfferIds());
            if (report.version().equals(engine.live().version())) {
                return unchanged(report);
            }
            reject(report, name);
            ActivationResult result = activate(report, draft, actor, "upload", name, true);
            writeThrough(() -> files.write(source));
            return result;
        });
    }

    /**
     * Checks a table as an upload would, without putting anything live. The header lock comes first: a change the
     * caller may not make is reported without compiling anything.
     */
    public DraftReport validate(String name, byte[] bytes, Actor actor) {
        RuleSource source = uploaded(name, bytes);
        List<RuleSource> draft = with(source);
        try {
            lockHeader(source, actor);
        } catch (HeaderChangeForbidden e) {
            return new DraftReport(RuleSetCompiler.versionOf(draft), null, List.of(RuleProblem.error(name, null,
                    null, null, e.getMessage())), List.of(), 0, List.of());
        }
        return checker.check(draft, offerIds(), retiredOfferIds());
    }

    /** A draft checked and compiled for simulation (header lock first): the live files with this table replaced. */
    public DraftReport draft(String name, byte[] bytes, Actor actor) {
        RuleSource source = uploaded(name, bytes);
        lockHeader(source, actor);
        DraftReport report = checker.check(with(source), offerIds(), retiredOfferIds());
        reject(report, name);
        return report;
    }

    /** Puts an earlier version live again, exactly as it was. */
    public ActivationResult rollback(String version, Actor actor) {
        return await(() -> {
            List<RuleSource> sources = store.sources(version).orElseThrow(() -> new NotFoundProblem(
                    "no rule-set version '" + version + "' was ever activated; GET /api/rulesets/versions lists them"));
            sources.stream().filter(s -> s.kind() != RuleSource.Kind.DRL).forEach(s -> lockHeader(s, actor));
            DraftReport report = checker.check(sources, offerIds(), retiredOfferIds());
            if (report.version().equals(engine.live().version())) {
                return unchanged(report);
            }
            reject(report, "version " + version);
            ActivationResult result = activate(report, sources, actor, "rollback", "rollback to " + version, true);
            writeThrough(() -> files.writeAll(sources));
            return result;
        });
    }

    /** Reloads the folders in the background; the watcher calls this when files change. */
    public Future<?> reloadFromDisk() {
        return changes.submit(() -> {
            try {
                reloadNow();
            } catch (RuntimeException e) {
                LOG.error("Reloading the rule folders failed", e);
                lastReload = new ReloadStatus(Instant.now(), null, false, List.of(RuleProblem.error("rule folders",
                        null, null, null, "could not be reloaded: " + e.getMessage())));
            }
        });
    }

    private void reloadNow() {
        RuleSourceLoader.Loaded loaded = files.load();
        List<RuleSource> disk = loaded.sources();
        if (RuleSetCompiler.versionOf(disk).equals(engine.live().version()) && loaded.refused().isEmpty()) {
            return;
        }
        DraftReport report = refusing(lockedOnDisk(disk), loaded);
        if (report == null) {
            report = refusing(checker.check(disk, offerIds(), retiredOfferIds()), loaded);
        }
        if (report.version().equals(engine.live().version()) && report.valid()) {
            return;
        }
        if (!report.valid()) {
            lastReload = new ReloadStatus(Instant.now(), report.version(), false, report.blocking());
            LOG.warnf("Changed rule files were NOT put live; %s stays live. Problems:\n  %s", engine.live().version(),
                    report.blocking().stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
            return;
        }
        activate(report, disk, Actor.FILES, "file-change", RuleFiles.changed(liveSources, disk), true);
        lastReload = new ReloadStatus(Instant.now(), report.version(), true, List.of());
    }

    /** Files changed on disk, under the header lock of {@link Actor#FILES}; null when it holds. */
    private DraftReport lockedOnDisk(List<RuleSource> disk) {
        List<RuleProblem> refused = headers.onDisk(disk, liveSources);
        return refused.isEmpty() ? null
                : new DraftReport(RuleSetCompiler.versionOf(disk), null, refused, List.of(), 0, List.of());
    }

    /** The report with the files the folders refused added as errors. */
    private static DraftReport refusing(DraftReport report, RuleSourceLoader.Loaded loaded) {
        return report == null ? null : report.withErrorsFirst(loaded.refused());
    }

    /** How the live rule set's index compares with Drools (checked in the background after each swap). */
    public Optional<ReferenceCheck.Status> referenceCheck() {
        return reference.status();
    }

    public Optional<ReloadStatus> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /** The files of the live version, by name. */
    public Map<String, RuleSource> liveFiles() {
        return liveSources;
    }

    private ActivationResult activate(DraftReport report, List<RuleSource> sources, Actor actor, String origin,
                                      String changed, boolean record) {
        String previous = engine.live() == null ? null : engine.live().version();
        Instant at = Instant.now();
        if (record) {
            at = store.recordActivation(report.version(), sources, report.compiled().ruleCount(), actor.name(), origin,
                    changed, previous == null ? null : "replaced " + previous).activatedAt();
        }
        engine.activate(report.compiled());
        reference.start(report.compiled());
        liveSources = sources.stream().collect(Collectors.toMap(RuleSource::name, s -> s, (a, b) -> b,
                TreeMap::new));
        LOG.infof("Rule set %s is live (%s by %s%s, %d tests passed, %d warnings)", report.version(), origin,
                actor.name(), changed == null ? "" : ": " + changed, report.testsRun(), report.warnings().size());
        return new ActivationResult(report.version(), previous, true, report.compiled().ruleCount(),
                report.testsRun(), report.warnings(), actor.name(), at);
    }

    private ActivationResult unchanged(DraftReport report) {
        return new ActivationResult(report.version(), report.version(), false, engine.live().ruleCount(),
                report.testsRun(), report.warnings(), null, null);
    }

    private static void reject(DraftReport report, String what) {
        if (!report.valid()) {
            throw new RuleSetRejected(what + " cannot go live: " + report.errors().size() + " error(s), "
                    + report.testFailures().size() + " failing test(s); the live rule set is unchanged",
                    report.blocking(), report.warnings());
        }
    }

    private void lockHeader(RuleSource source, Actor actor) {
        headers.check(source, actor, liveSources);
    }

    private RuleSource uploaded(String name, byte[] bytes) {
        return Uploads.table(name, bytes, config.rules().maxUploadBytes());
    }

    private List<RuleSource> with(RuleSource source) {
        Map<String, RuleSource> draft = new TreeMap<>(liveSources);
        draft.put(source.name(), source);
        return List.copyOf(draft.values());
    }

    /** Every id the catalogue holds: a retired offer is still known (a row naming it is a warning, not an error). */
    private Set<String> offerIds() {
        return java.util.stream.Stream.concat(catalogue.offers().stream(), catalogue.retired().stream())
                .map(Offer::id).collect(Collectors.toUnmodifiableSet());
    }

    private Set<String> retiredOfferIds() {
        return catalogue.retired().stream().map(Offer::id).collect(Collectors.toUnmodifiableSet());
    }

    private void writeThrough(Runnable write) {
        if (config.rules().writeThrough()) {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warnf("The live rule set is recorded in the database but could not be written to the rule "
                        + "folders: %s", e.getMessage());
            }
        }
    }

    private <T> T await(Callable<T> task) {
        try {
            return changes.submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the rule set", e);
        }
    }
}
