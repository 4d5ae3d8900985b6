package io.nbo.decision.core.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A customer's contact history as the hot path reads it: immutable, oldest first, one event per key.
 */
public record ContactHistory(String customerId, List<ContactEvent> events) {

    private static final Comparator<ContactEvent> ORDER = Comparator.comparing(ContactEvent::at)
            .thenComparing(ContactEvent::key);

    public ContactHistory {
        Objects.requireNonNull(customerId, "customerId");
        List<ContactEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        events = List.copyOf(sorted);
    }

    public static ContactHistory empty(String customerId) {
        return new ContactHistory(customerId, List.of());
    }

    /** This history with the event added, unless an event with the same key is already there. */
    public ContactHistory with(ContactEvent event) {
        if (events.stream().anyMatch(e -> e.key().equals(event.key()))) {
            return this;
        }
        List<ContactEvent> more = new ArrayList<>(events);
        more.add(event);
        return new ContactHistory(customerId, more);
    }

    /** This history without events before the instant (the look-back horizon). */
    public ContactHistory since(Instant horizon) {
        if (events.isEmpty() || !events.get(0).at().isBefore(horizon)) {
            return this;
        }
        return new ContactHistory(customerId, events.stream().filter(e -> !e.at().isBefore(horizon)).toList());
    }
}
