package io.nbo.decision.core.experiment;

import java.util.Objects;

/**
 * One arm of an experiment.
 *
 * @param name     e.g. "control", "double-points"
 * @param share    the fraction of the experiment's customers in this arm (the arms' shares add up to 1)
 * @param control  the arm lift is measured against
 * @param withhold the experiment's offers are not made to this arm ("no offer"); otherwise the arm gets the current
 *                 strategy with its offers' scores multiplied by {@code weight}
 * @param weight   multiplies the context weight of the experiment's offers (1 = the current strategy)
 */
public record Arm(String name, double share, boolean control, boolean withhold, double weight) {

    public Arm {
        Objects.requireNonNull(name, "name");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("arm " + name + ": share must be above 0 and at most 1, got " + share);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("arm " + name + ": weight must be 0 or more, got " + weight);
        }
    }
}
