package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * What a caller asks: the next best offers for a customer at a touchpoint.
 *
 * @param context   free context the tables may test (page, intent, device, ...)
 * @param localTime the customer's local time if the caller knows it; otherwise taken from the clock and the
 *                  customer's time zone
 * @param limit     how many offers at most
 */
public record DecisionRequest(String customerId, Channel touchpoint, Map<String, String> context, LocalTime localTime,
                              int limit) {

    public DecisionRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        context = context == null ? Map.of() : Map.copyOf(context);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
