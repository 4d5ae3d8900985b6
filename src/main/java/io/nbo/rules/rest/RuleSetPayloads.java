package io.nbo.rules.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.service.ReloadStatus;
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
                       io.nbo.rules.service.ReferenceCheck.Status reference) {
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

    /** The workbook tests of a draft. */
    @Schema(name = "WorkbookTests")
    public record Tests(int run, int passed, List<RuleProblem> failures) {
    }
}
