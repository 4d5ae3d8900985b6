package io.nbo.event.service;

import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.service.DecisionService;
import io.nbo.event.core.CustomerEvent;
import io.nbo.offer.Channel;
import io.nbo.outbox.OutboxEntry;
import io.nbo.outbox.persistence.FiringRepository;
import io.nbo.outbox.persistence.OutboxRepository;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.vocabulary.Offers;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the trigger rows an event fired into outbox entries. Each firing is decided like any request, through the
 * standard pipeline ({@link DecisionService#decideOne}: eligibility with the event in the context, contact policy,
 * channel, caps and volume), narrowed to the triggered offer, and logged as a decision. One entry per firing,
 * whatever the outcome: pending when the offer survived, suppressed (with the stage's reason) when it did not,
 * expired when the event arrived after the trigger's expiry. The key (event id and row) makes a second firing of the
 * same row for the same event impossible, and the firing's decision is made once: recorded in transactions of its own
 * ({@link FiringRepository}), it is reused when the event's transaction failed and the event is sent again.
 */
@ApplicationScoped
public class TriggerFiring {

    /** What one trigger row led to, as the events endpoint answers it. */
    public record Triggered(String trigger, String offerId, String channel, String status, String reason,
                            long outboxId, String decisionId) {
    }

    static final String INTERRUPTED = "an earlier attempt to decide this firing was interrupted before it finished; "
            + "it is not decided again, so the offer cannot be sent twice";

    private final DecisionService decisions;
    private final OutboxRepository outbox;
    private final FiringRepository firings;

    public TriggerFiring(DecisionService decisions, OutboxRepository outbox, FiringRepository firings) {
        this.decisions = decisions;
        this.outbox = outbox;
        this.firings = firings;
    }

    public List<Triggered> fire(CustomerEvent event, CustomerProfile customer, Channel touchpoint, LocalTime localTime,
                                List<Offers.Trigger> triggers, Instant now, String requestedBy) {
        List<Triggered> out = new ArrayList<>(triggers.size());
        for (Offers.Trigger t : triggers) {
            String key = key(event.eventId(), t.rule());
            Optional<OutboxEntry> known = outbox.byKey(key);
            if (known.isPresent()) {
                out.add(triggered(known.get()));
                continue;
            }
            Instant deliverAfter = later(event.occurredAt().plus(duration(t.delay())), now);
            Instant expiresAt = event.occurredAt().plus(duration(t.expiry()));
            String decisionId = null;
            String channel = t.channel();
            String status;
            String reason = null;
            if (!expiresAt.isAfter(now)) {
                status = "expired";
                reason = "the event arrived at " + now + ", after the trigger's expiry (" + expiresAt + ")";
            } else {
                FiringRepository.Firing firing = firings.find(key)
                        .orElseGet(() -> decide(key, event, customer, touchpoint, localTime, t, now, requestedBy));
                decisionId = firing.decisionId();
                if (decisionId == null) {
                    status = "suppressed";
                    reason = INTERRUPTED;
                } else {
                    status = firing.status();
                    channel = firing.channel();
                    reason = firing.reason();
                }
            }
            OutboxEntry entry = new OutboxEntry(0, key, event.customerId(), event.eventId(), t.rule(), t.offerId(),
                    channel, decisionId, status, reason, now, deliverAfter, expiresAt, 0, null, null);
            long id = outbox.insert(entry);
            out.add(new Triggered(t.rule(), t.offerId(), channel, status, reason, id, decisionId));
        }
        return out;
    }

    /**
     * Decides one firing once: claimed (committed) before the decision, settled (committed) after it. The decision is
     * logged outside the event's transaction, so if that transaction fails the record stays, and the event sent again
     * reuses the decision rather than making (and counting against the caps) a second one.
     */
    private FiringRepository.Firing decide(String key, CustomerEvent event, CustomerProfile customer,
                                           Channel touchpoint, LocalTime localTime, Offers.Trigger t, Instant now,
                                           String requestedBy) {
        firings.claim(key, event.customerId(), event.eventId(), now);
        Decision decision = decisions.decideOne(new DecisionRequest(event.customerId(), touchpoint,
                Map.of("event", event.type().code(), "trigger", t.rule()), localTime, 1, false),
                customer, t.offerId(), Channel.fromCode(t.channel()).orElseThrow(), requestedBy);
        Optional<Decision.Chosen> chosen = decision.offers().stream()
                .filter(c -> c.candidate().offerId().equals(t.offerId())).findFirst();
        FiringRepository.Firing firing;
        if (chosen.isPresent()) {
            firing = new FiringRepository.Firing(key, decision.decisionId(), "pending",
                    chosen.get().candidate().channel().code(), null);
        } else {
            String reason = decision.notChosen().stream().filter(r -> r.offerId().equals(t.offerId()))
                    .map(r -> r.stage().name().toLowerCase(java.util.Locale.ROOT) + " stage, rule '" + r.rule()
                            + "': " + r.reason()).findFirst()
                    .orElse("the decision did not choose the offer (is it live and valid now?)");
            firing = new FiringRepository.Firing(key, decision.decisionId(), "suppressed", t.channel(), reason);
        }
        firings.settle(key, firing.decisionId(), firing.status(), firing.channel(), firing.reason());
        return firing;
    }

    private static Triggered triggered(OutboxEntry e) {
        return new Triggered(e.trigger(), e.offerId(), e.channel(), e.status(), e.reason(), e.id(), e.decisionId());
    }

    /** The idempotency key of a firing: SHA-256 of the event id and the row name, hex. */
    static String key(String eventId, String rule) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\n" + rule).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trigger cell's duration (checked by the gate: a number and m, h or d). */
    static Duration duration(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
