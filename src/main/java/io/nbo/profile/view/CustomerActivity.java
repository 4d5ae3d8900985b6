package io.nbo.profile.view;

import java.util.List;
import java.util.Optional;

/**
 * Where the 360 view reads what the customer did: the purchase summary, the recent events and the segments the segment
 * tables assigned. The event store provides the real one ({@code io.nbo.event.service.EventActivity}); without it,
 * {@link #NONE} says there is nothing recorded, and the view answers {@code "purchases": null, "recentEvents": []}
 * rather than inventing any.
 */
public interface CustomerActivity {

    CustomerActivity NONE = new CustomerActivity() {
        public Optional<?> purchases(String customerId) {
            return Optional.empty();
        }

        public List<?> recentEvents(String customerId, int limit) {
            return List.of();
        }

        public List<CustomerView.Segment> segments(String customerId) {
            return List.of();
        }
    };

    /** The purchase summary (spend, count, last purchase, top items), if any purchase is recorded. */
    Optional<?> purchases(String customerId);

    /** The newest events first, at most {@code limit}. */
    List<?> recentEvents(String customerId, int limit);

    /** Segments the segment tables assigned, highest priority first, each with the row that assigned it. */
    List<CustomerView.Segment> segments(String customerId);
}
