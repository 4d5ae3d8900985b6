package io.nbo.contact.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.contact.policy.PolicyDraft;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyText;
import io.nbo.rules.rest.RuleSetPayloads;
import io.nbo.rules.service.ReloadStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the contact-policy API answers with; dry runs answer in the rule sets' shape. */
public final class PolicyPayloads {

    private PolicyPayloads() {
    }

    /** The live policy. */
    @Schema(name = "LivePolicy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyView(String version,
                             @Schema(description = "The policy file it was read from, or upload, rollback, database")
                             String source, String file, String activatedBy, Instant activatedAt,
                             @Schema(description = "The last time the policy file was read (start-up or reload), "
                                     + "with its problems if it did not pass") ReloadStatus lastReload,
                             List<RuleView> rules) {
    }

    /** One rule as the table states it. */
    @Schema(name = "PolicyRule")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleView(String rule, String type, String channel, String offer, String group, BigDecimal limit,
                           String window, String outcome, String rest, String hours, BigDecimal cost, String source) {
    }

    static PolicyView view(PolicyService.Live live, ReloadStatus lastReload) {
        return new PolicyView(live.policy().version(), live.source(), live.file(), live.activatedBy(),
                live.activatedAt(), lastReload, live.policy().rules().stream().map(PolicyPayloads::rule).toList());
    }

    static RuleSetPayloads.Validation validation(PolicyDraft draft) {
        return new RuleSetPayloads.Validation(draft.valid(), draft.version(), draft.errors(), draft.warnings(),
                new RuleSetPayloads.Tests(draft.testsRun(), draft.testsRun() - draft.testFailures().size(),
                        draft.testFailures()));
    }

    private static RuleView rule(PolicyRule r) {
        boolean volume = r.kind() == PolicyRule.Kind.VOLUME;
        return new RuleView(r.name(), r.kind().code(), blank(r.channel().cell()), blank(r.offer().cell()),
                blank(r.group().cell()), r.limit(), r.window() == null ? null : PolicyText.duration(r.window()),
                r.outcome() == null ? null : r.outcome().code(),
                r.rest() == null ? null : PolicyText.duration(r.rest()),
                r.hours() == null ? null : r.hours().toString(), volume ? r.cost() : null, r.source());
    }

    private static String blank(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
