package io.nbo.outbox.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nbo.outbox.OutboxEntry;
import io.nbo.outbox.persistence.OutboxRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Posts due outbox entries to the configured webhook, at least once: an entry is marked delivered only after a 2xx,
 * so a crash between the post and the mark sends it again, with the same {@code Idempotency-Key} header (the firing's
 * key), which receivers use to drop the repeat. Transient failures (no answer, timeouts, 408, 429, 5xx) are retried
 * after {@code base x 2^(attempts-1)}, at most {@code max}; a permanent refusal (other 4xx) or too many attempts marks
 * the entry failed. Everything it knows is in the database, so a restarted server (or another node) carries on.
 */
public final class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int BATCH = 100;

    /** Where and how to post. */
    public record Settings(URI url, Duration timeout, Duration retryBase, Duration retryMax, int maxAttempts) {
    }

    private final OutboxRepository outbox;
    private final HttpClient http;
    private final Settings settings;
    private final Clock clock;

    public WebhookDelivery(OutboxRepository outbox, Settings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Posts every entry due now; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        List<OutboxEntry> due = outbox.dueForWebhook(BATCH, clock.instant());
        for (OutboxEntry entry : due) {
            Instant now = clock.instant();
            // Held for this attempt: a slow receiver does not get the entry from a second tick or node meanwhile.
            if (!outbox.claim(entry.id(), now.plus(settings.timeout()).plusSeconds(5), now)) {
                continue;
            }
            if (post(entry)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean post(OutboxEntry entry) {
        int attempts = entry.attempts() + 1;
        String failure;
        boolean permanent = false;
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", entry.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body(entry))).build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                outbox.delivered(entry.id(), "webhook", clock.instant());
                return true;
            }
            failure = "the webhook answered " + status;
            permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        } catch (IOException e) {
            failure = "the webhook could not be reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        boolean giveUp = permanent || attempts >= settings.maxAttempts();
        Instant next = clock.instant().plus(backoff(attempts));
        outbox.attemptFailed(entry.id(), attempts, next, failure, giveUp);
        // The entry's number only: no customer id in the log (docs/security.md).
        LOG.warnf("outbox entry %d: %s (attempt %d)%s", entry.id(), failure, attempts,
                giveUp ? "; given up, marked failed" : "; next attempt at " + next);
        return false;
    }

    /** The wait after the given failed attempt: base, 2 x base, 4 x base, ... at most max. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryBase();
        for (int i = 1; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    static String body(OutboxEntry e) {
        try {
            return JSON.writeValueAsString(OutboxView.of(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write an outbox entry as JSON", ex);
        }
    }
}
