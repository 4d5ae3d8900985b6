package io.nbo.campaign.run;

import io.nbo.offer.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a marketer asked a run to do, checked: who (the audience), on which channels, on which date, which offers, and
 * how many offers per customer at most.
 *
 * @param offers    the offers in scope, in the order the allocator indexes them
 * @param dryRun    plan only: the send list is computed, but no decision is logged, no stock claimed, no cap used
 */
public record RunSpec(String id, Audience audience, List<Channel> channels, List<String> offers, LocalDate sendDate,
                      int maxOffers, boolean dryRun, String requestedBy, Instant createdAt) {

    public RunSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        channels = List.copyOf(channels);
        offers = List.copyOf(offers);
    }

    /** Who a run is for: everyone, the customers of a segment, or a list of customer ids (kept with the run). */
    public record Audience(Kind kind, String segment) {

        public enum Kind { ALL, SEGMENT, LIST }

        public static Audience all() {
            return new Audience(Kind.ALL, null);
        }

        public static Audience segment(String name) {
            return new Audience(Kind.SEGMENT, name);
        }

        public static Audience list() {
            return new Audience(Kind.LIST, null);
        }
    }

    /** What the decision log records as having asked: the run, so a contact traces back to it. */
    public String requester() {
        return "campaign:" + id;
    }
}
