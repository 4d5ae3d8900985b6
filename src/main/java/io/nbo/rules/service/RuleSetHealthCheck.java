package io.nbo.rules.service;

import io.nbo.rules.CompiledRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when a rule set is live: reports its version, rule count and when it was compiled. */
@Readiness
@ApplicationScoped
public class RuleSetHealthCheck implements HealthCheck {

    private final RuleEngine engine;

    public RuleSetHealthCheck(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        CompiledRuleSet live = engine.live();
        if (live == null) {
            return HealthCheckResponse.named("rule-set").down().withData("reason", "no rule set is live").build();
        }
        return HealthCheckResponse.named("rule-set").up()
                .withData("version", live.version())
                .withData("rules", live.ruleCount())
                .withData("sources", live.sources().size())
                .withData("compiledAt", live.compiledAt().toString())
                .build();
    }
}
