package io.nbo.decision.core;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * Everything a stage may read about one decision: the customer, where they are, their local date and time, and the
 * instant of the decision (contact windows and rest periods are measured from it).
 */
public record Situation(CustomerProfile customer, Channel touchpoint, Map<String, String> context,
                        LocalDateTime customerLocalTime, int limit, Instant now) {

    public Situation {
        context = Map.copyOf(context);
    }

    public LocalDate localDate() {
        return customerLocalTime.toLocalDate();
    }

    public LocalTime localTime() {
        return customerLocalTime.toLocalTime();
    }
}
