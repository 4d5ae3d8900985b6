package io.nbo.event.service;

import io.nbo.event.core.Aggregates;
import io.nbo.event.persistence.AggregateRepository;
import io.nbo.event.persistence.EventRepository;
import io.nbo.profile.persistence.ProfileAggregateWriter;
import io.nbo.profile.service.ProfileStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Time moves the aggregates without any event: recency grows, customers lapse, churn risk rises. Once a night every
 * customer who ever bought is derived again from their aggregate state (under their row lock, as an event would) and
 * the cached profile dropped, so a quiet customer's profile is never more than a day behind.
 */
@ApplicationScoped
public class AggregateRefresh {

    private static final Logger LOG = Logger.getLogger(AggregateRefresh.class);
    private static final int PAGE = 500;

    private final AggregateRepository aggregates;
    private final EventRepository events;
    private final ProfileAggregateWriter writer;
    private final ProfileStore profiles;
    private final Clock clock;

    public AggregateRefresh(AggregateRepository aggregates, EventRepository events, ProfileAggregateWriter writer,
                            ProfileStore profiles, Clock clock) {
        this.aggregates = aggregates;
        this.events = events;
        this.writer = writer;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Scheduled(cron = "${nbo.events.refresh-cron:0 47 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        LOG.infof("aggregate refresh: %d customers brought up to date", refreshAll());
    }

    /** Derives every buyer's aggregates again as of today; returns how many. */
    public int refreshAll() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        int done = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> page = QuarkusTransaction.requiringNew().call(() -> aggregates.buyersAfter(from, PAGE));
            if (page.isEmpty()) {
                return done;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (String id : page) {
                    if (events.lockCustomer(id)) {
                        writer.write(id, EventApplier.profileValues(Aggregates.derive(aggregates.load(id), today)),
                                now);
                    }
                }
            });
            page.forEach(profiles::invalidate);
            done += page.size();
            after = page.get(page.size() - 1);
        }
    }
}
