package io.nbo.decision.core;

import io.nbo.decision.core.experiment.Assignment;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a stage may read about one decision: the customer, where they are, their local date and time, the
 * instant of the decision (contact windows and rest periods are measured from it), and what the decision resolved
 * once at its start: the contact policy in force and the customer's contact history. Every stage reads these, never
 * the live sources, so a policy swapped in during the decision cannot mix two versions into one answer.
 *
 * @param policy  the contact policy this decision applies (the version it logs)
 * @param history the customer's contact history as read once for this decision
 * @param experiments the customer's arms in the experiments running, as assigned once for this decision
 * @param dryRun  a preview: explained in full, but nothing is logged, claimed or counted
 */
public record Situation(CustomerProfile customer, Channel touchpoint, Map<String, String> context,
                        LocalDateTime customerLocalTime, int limit, Instant now, ContactPolicy policy,
                        ContactHistory history, List<Assignment> experiments, boolean dryRun) {

    public Situation {
        context = Map.copyOf(context);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(history, "history");
        experiments = List.copyOf(experiments);
    }

    /** A situation in no experiment, for real. */
    public Situation(CustomerProfile customer, Channel touchpoint, Map<String, String> context,
                     LocalDateTime customerLocalTime, int limit, Instant now, ContactPolicy policy,
                     ContactHistory history) {
        this(customer, touchpoint, context, customerLocalTime, limit, now, policy, history, List.of(), false);
    }

    /**
     * A situation for the rules alone (simulation, workbook tests, reference checks): no contact policy beyond consent
     * and no contact history. The pipeline always builds the full one.
     */
    public Situation(CustomerProfile customer, Channel touchpoint, Map<String, String> context,
                     LocalDateTime customerLocalTime, int limit, Instant now) {
        this(customer, touchpoint, context, customerLocalTime, limit, now, ContactPolicy.NONE,
                ContactHistory.empty(customer.id()));
    }

    public LocalDate localDate() {
        return customerLocalTime.toLocalDate();
    }

    public LocalTime localTime() {
        return customerLocalTime.toLocalTime();
    }
}
