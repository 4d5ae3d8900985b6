package io.nbo.rules.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.service.ReloadStatus;
import io.nbo.rules.service.RuleSetJobs;
import io.nbo.rules.validate.DraftProgress;
import io.nbo.rules.validate.DraftReport;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the rule-set API answers with. */
public final class RuleSetPayloads {

    private RuleSetPayloads() {
    }

    /** The live rule set. */
    @Schema(name = "LiveRuleSet")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Live(String version, Instant compiledAt, int ruleCount, List<LiveFile> files,
                       @Schema(description = "The last reload from the rule folders, with its problems if it failed")
                       ReloadStatus lastReload,
                       @Schema(description = "The live tables' column index compared with Drools, the reference, in "
                               + "the background: checking, agreed, differs (with examples) or failed")
                       io.nbo.rules.service.ReferenceCheck.Status reference,
                       @Schema(description = "How many warnings the live version's checks gave")
                       int warningCount,
                       @Schema(description = "The live version's warnings (the first " + MAX_WARNINGS + "), each "
                               + "with file, sheet, cell and row: rows that never fire, reversed or empty ranges, "
                               + "values no customer has, offers no longer in the catalogue")
                       List<RuleProblem> warnings) {

        static final int MAX_WARNINGS = 1000;

        static Live of(io.nbo.rules.CompiledRuleSet live, List<LiveFile> files, ReloadStatus lastReload,
                       io.nbo.rules.service.ReferenceCheck.Status reference, List<RuleProblem> warnings) {
            return new Live(live.version(), live.compiledAt(), live.ruleCount(), files, lastReload, reference,
                    warnings.size(), warnings.subList(0, Math.min(MAX_WARNINGS, warnings.size())));
        }
    }

    /** One file of the live version. */
    @Schema(name = "RuleFile")
    public record LiveFile(String name, String sha256, int bytes) {
    }

    /** A dry run's answer. */
    @Schema(name = "RuleSetValidation")
    public record Validation(@Schema(description = "True when this draft could go live as it is") boolean valid,
                             String version, List<RuleProblem> errors, List<RuleProblem> warnings, Tests tests) {

        static Validation of(DraftReport report) {
            return new Validation(report.valid(), report.version(), report.errors(), report.warnings(),
                    new Tests(report.testsRun(), report.testsRun() - report.testFailures().size(),
                            report.testFailures()));
        }
    }

    /** A check running in the background: where it is, and in the end its result or its problem. */
    @Schema(name = "RuleSetJob")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(String id,
                      @Schema(description = "upload (goes live when it passes) or validate (a dry run)") String kind,
                      String file, String by,
                      @Schema(description = "queued, running, done or failed") String state,
                      @Schema(description = "queued, reading, checking, compiling, testing, swapping, done, failed")
                      String phase,
                      @Schema(description = "Data rows checked so far") long rowsDone,
                      @Schema(description = "Data rows to check (before reading: rows in the file)") long rowsTotal,
                      Instant submittedAt, Instant startedAt, Instant finishedAt,
                      @Schema(description = "When done: what an answer without a job would have been (the "
                              + "activation, or the dry run's report)") Object result,
                      @Schema(description = "When failed: the problem an answer without a job would have been")
                      RuleSetProblems.Body problem) {

        static Job of(RuleSetJobs.Job job) {
            DraftProgress.Phase phase = job.phase();
            String state = switch (phase) {
                case QUEUED -> "queued";
                case DONE -> "done";
                case FAILED -> "failed";
                default -> "running";
            };
            Object result = job.result() instanceof DraftReport report ? Validation.of(report) : job.result();
            return new Job(job.id(), job.kind().name().toLowerCase(java.util.Locale.ROOT), job.file(), job.by(),
                    state, phase.name().toLowerCase(java.util.Locale.ROOT), job.rowsDone(), job.rowsTotal(),
                    job.submittedAt(), job.startedAt(), job.finishedAt(), result,
                    job.failure() == null ? null : RuleSetProblems.of(job.failure()));
        }
    }

    /** The workbook tests of a draft. */
    @Schema(name = "WorkbookTests")
    public record Tests(int run, int passed, List<RuleProblem> failures) {
    }
}
