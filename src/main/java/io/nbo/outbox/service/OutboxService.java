package io.nbo.outbox.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.config.EventConfig;
import io.nbo.event.persistence.EventRepository;
import io.nbo.outbox.OutboxEntry;
import io.nbo.outbox.persistence.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The outbox as delivery systems use it: poll what is due and acknowledge it, or receive it by webhook when
 * {@code nbo.events.outbox.webhook-url} is set. Also the housekeeping of events: expiring entries whose time ran out
 * and deleting events past their retention.
 */
@ApplicationScoped
public class OutboxService {

    private static final Logger LOG = Logger.getLogger(OutboxService.class);

    /** A page of due entries; {@code next} is the {@code after} for the following page. */
    public record Page(List<OutboxView> entries, long next) {
    }

    private final OutboxRepository outbox;
    private final EventRepository events;
    private final EventConfig config;
    private final Clock clock;
    private final Optional<WebhookDelivery> webhook;

    public OutboxService(OutboxRepository outbox, EventRepository events, EventConfig config, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.config = config;
        this.clock = clock;
        EventConfig.Outbox o = config.outbox();
        this.webhook = o.webhookUrl().filter(u -> !u.isBlank()).map(url -> new WebhookDelivery(outbox,
                new WebhookDelivery.Settings(URI.create(url), o.webhookTimeout(), o.retryBase(), o.retryMax(),
                        o.maxAttempts()), clock));
    }

    /**
     * Pending entries due now with an id above {@code after}, oldest first. Entries stay until acknowledged (or
     * delivered by webhook), so polling from 0 again shows what is still to do; an entry whose delay has not passed
     * shows once it has, whatever page a poller is on.
     */
    public Page due(long after, int limit) {
        List<OutboxView> entries = outbox.deliverable(after, limit, clock.instant()).stream().map(OutboxView::of)
                .toList();
        return new Page(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).id());
    }

    /** Acknowledges delivery; again is harmless. 404 unknown, 409 when it was not to be delivered. */
    public OutboxView acknowledge(long id) {
        OutboxEntry entry = outbox.byId(id).orElseThrow(() -> new NotFoundProblem("No outbox entry " + id));
        if (entry.status().equals("pending")) {
            outbox.delivered(id, "poll", clock.instant());
            return OutboxView.of(outbox.byId(id).orElseThrow());
        }
        if (entry.status().equals("delivered")) {
            return OutboxView.of(entry);
        }
        throw new ConflictProblem("outbox entry " + id + " is " + entry.status()
                + (entry.reason() == null ? "" : " (" + entry.reason() + ")") + "; only pending entries are delivered");
    }

    @Scheduled(every = "${nbo.events.outbox.webhook-interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = clock.instant();
        outbox.expire(now);
        webhook.ifPresent(WebhookDelivery::deliverDue);
    }

    @Scheduled(cron = "${nbo.events.purge-cron:0 17 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int deleted = events.deleteBefore(clock.instant().minus(config.retention()));
        LOG.infof("event retention: %d events older than %d days deleted", deleted, config.retention().toDays());
    }
}
