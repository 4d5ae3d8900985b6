package io.nbo.event.service;

import io.nbo.profile.view.CustomerActivity;
import io.nbo.profile.view.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The event store's share of the 360 view: purchase summary, recent events, segments with their rows. */
@ApplicationScoped
public class EventActivity implements CustomerActivity {

    private final EventQueries queries;

    public EventActivity(EventQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<EventQueries.PurchaseSummary> purchases(String customerId) {
        EventQueries.PurchaseSummary summary = queries.purchaseSummary(customerId);
        return summary.purchasesLifetime() == 0 ? Optional.empty() : Optional.of(summary);
    }

    @Override
    public List<EventQueries.EventView> recentEvents(String customerId, int limit) {
        return queries.recentEvents(customerId, limit);
    }

    @Override
    public List<CustomerView.Segment> segments(String customerId) {
        return queries.segments(customerId).stream()
                .map(m -> new CustomerView.Segment(m.segment(), "segment-table", m.priority(), m.rule(),
                        m.ruleSetVersion(), m.assignedAt()))
                .toList();
    }
}
