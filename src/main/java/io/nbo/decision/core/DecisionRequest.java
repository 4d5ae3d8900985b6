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
 * @param explain   say why every candidate of the catalogue was not chosen; without it, only the eligible offers that
 *                  a later stage (policy, channel, arbitration) dropped are explained, so a large catalogue does not
 *                  cost every answer a reason per offer
 * @param dryRun    a preview: explained in full, not logged as a contact, using up no caps, rests or stock, and
 *                  feeding neither learning nor experiments' exposure
 */
public record DecisionRequest(String customerId, Channel touchpoint, Map<String, String> context, LocalTime localTime,
                              int limit, boolean explain, boolean dryRun) {

    public DecisionRequest(String customerId, Channel touchpoint, Map<String, String> context, LocalTime localTime,
                           int limit, boolean explain) {
        this(customerId, touchpoint, context, localTime, limit, explain, false);
    }

    /** A request with the full explanation. */
    public DecisionRequest(String customerId, Channel touchpoint, Map<String, String> context, LocalTime localTime,
                           int limit) {
        this(customerId, touchpoint, context, localTime, limit, true);
    }

    public DecisionRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        context = context == null ? Map.of() : Map.copyOf(context);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
