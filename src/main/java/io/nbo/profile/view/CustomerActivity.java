package io.nbo.profile.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the 360 view reads what the customer did: the purchase summary and the recent events. The event store
 * (issue 10, events) provides the real one; until it is wired in, {@link #NONE} says there is nothing recorded, and
 * the view answers {@code "purchases": null, "recentEvents": []} rather than inventing any.
 */
public interface CustomerActivity {

    CustomerActivity NONE = new CustomerActivity() {
        public Optional<Map<String, Object>> purchases(String customerId) {
            return Optional.empty();
        }

        public List<Map<String, Object>> recentEvents(String customerId, int limit) {
            return List.of();
        }
    };

    /** The purchase summary (spend, count, last purchase, top items), if any purchase is recorded. */
    Optional<Map<String, Object>> purchases(String customerId);

    /** The newest events first, at most {@code limit}. */
    List<Map<String, Object>> recentEvents(String customerId, int limit);
}
