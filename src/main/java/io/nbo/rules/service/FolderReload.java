package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.validate.DraftReport;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One reload of the rule folders, on the service's change thread: the files as they are on disk, under the header
 * lock of {@link Actor#FILES} and the same checks as an upload, go live or are reported in the reload status. When the
 * folders hold the live version again (a broken file put back), a failure reported earlier is cleared.
 */
final class FolderReload {

    private static final Logger LOG = Logger.getLogger(FolderReload.class);

    private final RuleSetService service;
    private final LiveRuleSet live;
    private final RuleFiles files;
    private final HeaderGate headers;

    FolderReload(RuleSetService service, LiveRuleSet live, RuleFiles files, HeaderGate headers) {
        this.service = service;
        this.live = live;
        this.files = files;
        this.headers = headers;
    }

    void run() {
        RuleSourceLoader.Loaded loaded = files.load();
        List<RuleSource> disk = loaded.sources();
        String liveVersion = live.version();
        String diskVersion = RuleSetCompiler.versionOf(disk);
        if (diskVersion.equals(liveVersion) && loaded.refused().isEmpty()) {
            ReloadStatus last = live.lastReload();
            if (last != null && !last.applied()) {
                live.lastReload(new ReloadStatus(Instant.now(), liveVersion, true, List.of()));
            }
            return;
        }
        List<RuleProblem> locked = headers.onDisk(disk, live.files());
        DraftReport report = (locked.isEmpty() ? service.checkDisk(disk)
                : new DraftReport(diskVersion, null, locked, List.of(), 0, List.of()))
                .withErrorsFirst(loaded.refused());
        if (report.version().equals(liveVersion) && report.valid()) {
            return;
        }
        if (!report.valid()) {
            live.lastReload(new ReloadStatus(Instant.now(), report.version(), false, report.blocking()));
            LOG.warnf("Changed rule files were NOT put live; %s stays live. Problems:\n  %s", liveVersion,
                    report.blocking().stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
            return;
        }
        live.activate(report, disk, Actor.FILES, "file-change", RuleFiles.changed(live.files(), disk), true);
        live.lastReload(new ReloadStatus(Instant.now(), report.version(), true, List.of()));
    }
}
