package io.nbo.decision.service;

import io.nbo.config.NboConfig;
import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.ArbitrationStage;
import io.nbo.decision.core.ChannelStage;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.service.ProfileStore;
import io.nbo.rules.service.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Wires the decision pipeline to the live catalogue, the profile cache and the rule engine. The pipeline itself is
 * plain Java (io.nbo.decision.core).
 */
@ApplicationScoped
public class DecisionService {

    private final ProfileStore profiles;
    private final OfferCatalogue catalogue;
    private final DecisionPipeline pipeline;

    public DecisionService(ProfileStore profiles, OfferCatalogue catalogue, RuleEngine rules, NboConfig config,
                           Clock clock) {
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.pipeline = new DecisionPipeline(rules,
                List.of(new ChannelStage(), new ArbitrationStage(new AffinityPropensity())),
                new FallbackOffer(config.decision().fallbackOfferId().orElse(null)), clock,
                () -> UUID.randomUUID().toString());
    }

    public Decision decide(DecisionRequest request) {
        CustomerProfile customer = profiles.find(request.customerId())
                .orElseGet(() -> CustomerProfile.anonymous(request.customerId(), ZoneId.of("UTC")));
        return pipeline.decide(request, customer, catalogue.offers());
    }
}
