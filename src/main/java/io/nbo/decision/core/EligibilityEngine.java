package io.nbo.decision.core;

import io.nbo.offer.Offer;
import java.util.List;

/**
 * The port to the marketers' rules: which candidate offers the live rule set makes eligible. Implemented by the one
 * bean that owns Drools; each call reads the live rule set exactly once.
 */
public interface EligibilityEngine {

    EligibilityResult evaluate(Situation situation, List<Offer> candidates);
}
