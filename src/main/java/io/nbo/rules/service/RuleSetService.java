package io.nbo.rules.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.config.ClusterConfig;
import io.nbo.config.NboConfig;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.ReadLimits;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.validate.DraftChecker;
import io.nbo.rules.validate.DraftProgress;
import io.nbo.rules.validate.DraftReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Changes the live rule set: uploads, changes on disk and rollbacks become a draft, which is checked (vocabulary,
 * values, compile, the workbooks' own tests) and only then recorded as an activation and swapped in atomically
 * ({@link LiveRuleSet}). Changes are applied one at a time on one thread; a draft that fails leaves the live version
 * serving. A big upload (or one that asks) is checked as a job the caller follows ({@link RuleSetJobs}). Files the
 * draft leaves as they are live are "settled": an offer the catalogue no longer has is a warning there, not an error,
 * and anything in them that still blocks a draft is named as being in another file.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);

    private final LiveRuleSet live;
    private final RuleSetStore store;
    private final OfferCatalogue catalogue;
    private final KnownCustomerValues customers;
    private final RuleSetJobs jobs;
    private final NboConfig config;
    private final RuleFiles files;
    private final GridReader reader;
    private final DraftChecker checker;
    private final HeaderGate headers;
    private final DraftScope scope;
    private final boolean clustered;
    private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-set-activation");
        t.setDaemon(true);
        return t;
    });

    public RuleSetService(LiveRuleSet live, RuleSetStore store, OfferCatalogue catalogue,
                          KnownCustomerValues customers, RuleSetJobs jobs, NboConfig config, ClusterConfig cluster,
                          io.nbo.profile.service.AttributeService attributes) {
        this.clustered = cluster.enabled();
        this.live = live;
        this.store = store;
        this.catalogue = catalogue;
        this.customers = customers;
        this.jobs = jobs;
        this.config = config;
        this.files = new RuleFiles(config);
        ReadLimits limits = limits(config);
        this.reader = new GridReader(limits);
        this.checker = new DraftChecker(limits);
        this.headers = new HeaderGate(limits);
        this.scope = new DraftScope(live, catalogue, customers, attributes);
    }

    /** The read limits of table files, from {@code nbo.rules.max-upload-bytes} and {@code nbo.rules.limits.*}. */
    static ReadLimits limits(NboConfig config) {
        NboConfig.Limits l = config.rules().limits();
        return new ReadLimits(config.rules().maxUploadBytes(), l.maxRows(), l.maxCells(), l.maxSheets(),
                l.maxInflatedBytes(), l.maxInflateRatio());
    }

    /**
     * Puts the folders live at startup, checked against the offer catalogue and the customers' values as an upload
     * is; the deployment's files are all settled (an offer missing from the catalogue is a warning: in production
     * offers are often created after the first start). When they do not pass, the last activated version from the
     * database.
     */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        catalogue.refresh();
        customers.refresh();
        RuleSourceLoader.Loaded loaded = files.load();
        List<RuleSource> disk = loaded.sources();
        Set<String> all = disk.stream().map(RuleSource::name).collect(Collectors.toSet());
        DraftReport report = checker.check(disk, scope.context(all), DraftProgress.NONE).withErrorsFirst(loaded.refused());
        Optional<RuleSetStore.Activation> latest = store.latestActivation();
        report.warnings().forEach(w -> LOG.warnf("Rule files at startup: %s", w));
        if (clustered && latest.isPresent() && !latest.get().version().equals(report.version())) {
            // One of several nodes: the cluster's live version is the database's, not this node's files (a node
            // restarted with older files must not put them live on every node).
            LOG.infof("Joining the cluster: its live rule set %s, not the files here (%s)", latest.get().version(),
                    report.version());
            follow(latest.get().version());
            return;
        }
        if (report.valid()) {
            boolean record = latest.map(a -> !a.version().equals(report.version())).orElse(true);
            live.activate(report, disk, Actor.SYSTEM, "startup", "rule files at startup", record);
            return;
        }
        LOG.errorf("The rule files in %s do not pass their checks:\n  %s", files.folders(), report.blocking()
                .stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        List<RuleSource> stored = latest.flatMap(a -> store.sources(a.version())).orElseThrow(() ->
                new RuleSetException(report.blocking()));
        DraftReport fallback = checker.check(stored, scope.context(stored.stream().map(RuleSource::name)
                .collect(Collectors.toSet())), DraftProgress.NONE);
        if (!fallback.valid()) {
            throw new RuleSetException(report.blocking());
        }
        live.activate(fallback, stored, Actor.SYSTEM, "startup", null, false);
        live.lastReload(new ReloadStatus(Instant.now(), report.version(), false, report.blocking()));
        LOG.warnf("Serving the last activated version %s from the database instead", fallback.version());
    }

    /**
     * Puts live the version the database names as live, when this node serves another: a change made on another node
     * (cluster notice or resync). Not recorded again; it passed its checks where it was made.
     */
    void follow(String version) {
        await(() -> {
            if (version.equals(live.version())) {
                return null;
            }
            List<RuleSource> sources = store.sources(version).orElseThrow(() -> new IllegalStateException(
                    "rule-set version " + version + " is named live but its files are not in the database"));
            DraftReport report = checker.check(sources, scope.context(scope.settled(sources)), DraftProgress.NONE);
            if (!report.valid()) {
                LOG.errorf("Rule set %s, live on the cluster, does not pass its checks on this node: %s", version,
                        report.blocking());
                return null;
            }
            live.activate(report, sources, Actor.SYSTEM, "cluster", "activated on another node", false);
            return null;
        });
    }

    @PreDestroy
    void stop() {
        changes.shutdownNow();
    }

    /**
     * Uploads one decision table (replacing or adding it) and puts the result live if it passes every check. A table
     * with more rows than {@code nbo.rules.async-above-rows} (or any, when {@code async}) is checked as a job: the
     * answer is the job, at once. Limits are checked before either, and for a job the header lock too (again when the
     * job runs, against the files live then), so a forbidden change is told at once.
     */
    public Submitted<ActivationResult> submitUpload(String name, byte[] bytes, Actor actor, boolean async) {
        RuleSource source = uploaded(name, bytes);
        long rows = reader.measure(source).rows();
        if (!async && rows <= config.rules().asyncAboveRows()) {
            return Submitted.now(await(() -> applyUpload(source, actor, DraftProgress.NONE)));
        }
        lockHeader(source, actor);
        RuleSetJobs.Job job = jobs.create(RuleSetJobs.Kind.UPLOAD, name, actor, rows);
        changes.submit(() -> job.run(() -> applyUpload(source, actor, job)));
        return Submitted.later(job);
    }

    /**
     * Checks a table as an upload would, without putting anything live (as a job when the table is big or
     * {@code async} asks for one). The header lock comes first: a change the caller may not make is reported without
     * compiling anything.
     */
    public Submitted<DraftReport> submitValidate(String name, byte[] bytes, Actor actor, boolean async) {
        RuleSource source = uploaded(name, bytes);
        long rows = reader.measure(source).rows();
        if (!async && rows <= config.rules().asyncAboveRows()) {
            return Submitted.now(check(source, actor, DraftProgress.NONE));
        }
        RuleSetJobs.Job job = jobs.create(RuleSetJobs.Kind.VALIDATE, name, actor, rows);
        changes.submit(() -> job.run(() -> check(source, actor, job)));
        return Submitted.later(job);
    }

    /** A draft checked and compiled for simulation (header lock first): the live files with this table replaced. */
    public DraftReport draft(String name, byte[] bytes, Actor actor) {
        RuleSource source = uploaded(name, bytes);
        lockHeader(source, actor);
        DraftReport report = checker.check(scope.with(source), scope.context(scope.othersThan(source)), DraftProgress.NONE);
        RuleSetRejected.unless(report, name, Set.of(name));
        return report;
    }

    /** Puts an earlier version live again, exactly as it was. */
    public ActivationResult rollback(String version, Actor actor) {
        return await(() -> {
            List<RuleSource> sources = store.sources(version).orElseThrow(() -> new NotFoundProblem(
                    "no rule-set version '" + version + "' was ever activated; GET /api/rulesets/versions lists them"));
            sources.stream().filter(s -> s.kind() != RuleSource.Kind.DRL).forEach(s -> lockHeader(s, actor));
            Set<String> settled = scope.settled(sources);
            DraftReport report = checker.check(sources, scope.context(settled), DraftProgress.NONE);
            if (report.version().equals(live.version())) {
                return live.unchanged(report);
            }
            RuleSetRejected.unless(report, "version " + version, DraftScope.changed(sources, settled));
            ActivationResult result = live.activate(report, sources, actor, "rollback", "rollback to " + version,
                    true);
            writeThrough(() -> files.writeAll(sources));
            return result;
        });
    }

    /**
     * Reloads the folders in the background; the watcher calls this when files change. Every attempt is the last
     * reload, also one that finds the folders already live (a broken file put back as it was clears the failure).
     */
    public Future<?> reloadFromDisk() {
        return changes.submit(() -> {
            try {
                new FolderReload(this, live, files, headers).run();
            } catch (RuntimeException e) {
                LOG.error("Reloading the rule folders failed", e);
                live.lastReload(new ReloadStatus(Instant.now(), null, false, List.of(RuleProblem.error(
                        "rule folders", null, null, null, "could not be reloaded: " + e.getMessage()))));
            }
        });
    }

    /** How the live rule set's index compares with Drools (checked in the background after each swap). */
    public Optional<ReferenceCheck.Status> referenceCheck() {
        return live.referenceStatus();
    }

    public Optional<ReloadStatus> lastReload() {
        return Optional.ofNullable(live.lastReload());
    }

    /** The files of the live version, by name. */
    public Map<String, RuleSource> liveFiles() {
        return live.files();
    }

    /** The warnings the live version's checks gave: rows that never fire, reversed ranges, unknown values. */
    public List<RuleProblem> liveWarnings() {
        return live.warnings();
    }

    /** A job started by {@link #submitUpload} or {@link #submitValidate}. */
    public Optional<RuleSetJobs.Job> job(String id) {
        return jobs.find(id);
    }

    private ActivationResult applyUpload(RuleSource source, Actor actor, DraftProgress progress) {
        progress.phase(DraftProgress.Phase.READING);
        lockHeader(source, actor);
        List<RuleSource> draft = scope.with(source);
        DraftReport report = checker.check(draft, scope.context(scope.othersThan(source)), progress);
        if (report.version().equals(live.version())) {
            return live.unchanged(report);
        }
        RuleSetRejected.unless(report, source.name(), Set.of(source.name()));
        progress.phase(DraftProgress.Phase.SWAPPING);
        ActivationResult result = live.activate(report, draft, actor, "upload", source.name(), true);
        writeThrough(() -> files.write(source));
        return result;
    }

    private DraftReport check(RuleSource source, Actor actor, DraftProgress progress) {
        progress.phase(DraftProgress.Phase.READING);
        List<RuleSource> draft = scope.with(source);
        try {
            lockHeader(source, actor);
        } catch (HeaderChangeForbidden e) {
            return new DraftReport(RuleSetCompiler.versionOf(draft), null, List.of(RuleProblem.error(source.name(),
                    null, null, null, e.getMessage())), List.of(), 0, List.of());
        }
        return checker.check(draft, scope.context(scope.othersThan(source)), progress);
    }

    /** The checks of files changed on disk (the folder reload), under the same context as uploads. */
    DraftReport checkDisk(List<RuleSource> disk) {
        return checker.check(disk, scope.context(scope.settled(disk)), DraftProgress.NONE);
    }

    private void lockHeader(RuleSource source, Actor actor) {
        headers.check(source, actor, live.files());
    }

    private RuleSource uploaded(String name, byte[] bytes) {
        RuleSource source = Uploads.table(name, bytes);
        reader.measure(source);
        return source;
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
