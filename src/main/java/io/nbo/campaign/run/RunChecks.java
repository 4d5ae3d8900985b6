package io.nbo.campaign.run;

import io.nbo.campaign.run.persistence.AudienceReader;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.config.CampaignConfig;
import io.nbo.contact.service.PolicyService;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a run request before anything is stored, each problem a sentence naming the field: the audience (exactly one
 * kind; a segment someone is in; a list with known customers), outbound channels the contact policy lets us send on
 * at some time of day, a send date that is not past, offers the catalogue knows, live, going by one of the channels.
 */
final class RunChecks {

    static final int MAX_OFFERS = 10;
    static final int MAX_LIST = 1_000_000;

    private final AudienceReader audience;
    private final OfferCatalogue catalogue;
    private final PolicyService policies;
    private final CampaignConfig config;
    private final Clock clock;

    RunChecks(AudienceReader audience, OfferCatalogue catalogue, PolicyService policies, CampaignConfig config,
              Clock clock) {
        this.audience = audience;
        this.catalogue = catalogue;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
    }

    record Checked(RunSpec spec, List<String> audienceIds) {
    }

    Checked check(RunRequest request, String id, String requestedBy) {
        if (request == null) {
            throw new InvalidFieldProblem("audience", "send a JSON body naming audience, channels and sendDate");
        }
        List<Channel> channels = channels(request.channels());
        LocalDate sendDate = sendDate(request.sendDate());
        int max = request.maxOffers() == null ? 1 : request.maxOffers();
        if (max < 1 || max > MAX_OFFERS) {
            throw new InvalidFieldProblem("maxOffers", "maxOffers must be between 1 and " + MAX_OFFERS + ", got "
                    + max);
        }
        List<String> offers = offers(request.offers(), channels, sendDate);
        RunRequest.AudienceRequest who = request.audience();
        if (who == null) {
            throw new InvalidFieldProblem("audience", "name the audience: {\"segment\": \"name\"}, "
                    + "{\"customerIds\": [...]} or {\"all\": true}");
        }
        int kinds = (who.segment() != null ? 1 : 0) + (who.customerIds() != null ? 1 : 0)
                + (Boolean.TRUE.equals(who.all()) ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidFieldProblem("audience", "name exactly one audience: a segment, a list of customerIds "
                    + "or all; got " + (kinds == 0 ? "none" : kinds));
        }
        RunSpec.Audience kind;
        List<String> ids = List.of();
        if (who.segment() != null) {
            String segment = who.segment().strip();
            if (segment.isEmpty() || !audience.segmentHasCustomers(segment)) {
                throw new UnprocessableProblem("audience.segment: no customer is in segment '" + printable(segment)
                        + "'; check the name (segments are assigned by segment rows or set on profiles)");
            }
            kind = RunSpec.Audience.segment(segment);
        } else if (who.customerIds() != null) {
            ids = new ArrayList<>(new LinkedHashSet<>(who.customerIds()));
            if (ids.isEmpty() || ids.size() > MAX_LIST) {
                throw new InvalidFieldProblem("audience.customerIds", "list between 1 and " + MAX_LIST
                        + " customer ids, got " + ids.size());
            }
            if (ids.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 64)) {
                throw new InvalidFieldProblem("audience.customerIds", "every customer id must be 1 to 64 characters");
            }
            if (audience.known(ids) == 0) {
                throw new UnprocessableProblem("audience.customerIds: none of the " + ids.size()
                        + " customer ids is a known customer");
            }
            kind = RunSpec.Audience.list();
        } else {
            kind = RunSpec.Audience.all();
        }
        return new Checked(new RunSpec(id, kind, channels, offers, sendDate, max,
                Boolean.TRUE.equals(request.dryRun()), requestedBy, clock.instant()), ids);
    }

    private List<Channel> channels(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidFieldProblem("channels", "name at least one channel to send on: "
                    + outbound());
        }
        Set<Channel> out = new LinkedHashSet<>();
        for (String code : codes) {
            Channel channel = Channel.fromCode(code).orElseThrow(() -> new InvalidFieldProblem("channels",
                    "unknown channel '" + printable(code) + "'; a campaign sends on " + outbound()));
            if (!channel.outbound()) {
                throw new InvalidFieldProblem("channels", "'" + channel.code() + "' is an inbound channel (the "
                        + "customer comes to it); a campaign sends on " + outbound());
            }
            out.add(channel);
        }
        Map<Channel, LocalTime> times = SendTimes.of(policies.current(), List.copyOf(out), config.sendTime());
        List<String> never = out.stream().filter(c -> !times.containsKey(c)).map(Channel::code).toList();
        if (!never.isEmpty()) {
            throw new UnprocessableProblem("channels: the contact policy's quiet hours and send windows allow "
                    + String.join(", ", never) + " at no time of day; change the policy or leave the channel out");
        }
        return List.copyOf(out);
    }

    private LocalDate sendDate(LocalDate date) {
        if (date == null) {
            throw new InvalidFieldProblem("sendDate", "name the day the sends go out, e.g. \"2026-12-01\"");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (date.isBefore(today)) {
            throw new InvalidFieldProblem("sendDate", "sendDate " + date + " is in the past (today is " + today
                    + " UTC); a run sends today or later");
        }
        return date;
    }

    /** The offers named (each known, live and by one of the channels), or every such offer when none is named. */
    private List<String> offers(List<String> named, List<Channel> channels, LocalDate day) {
        if (named == null || named.isEmpty()) {
            List<String> all = catalogue.offers().stream().filter(o -> usable(o, channels, day)).map(Offer::id)
                    .toList();
            if (all.isEmpty()) {
                throw new UnprocessableProblem("offers: no live offer goes by " + codes(channels) + " on " + day);
            }
            return all;
        }
        List<String> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(named)) {
            Optional<Offer> offer = id == null ? Optional.empty() : catalogue.find(id);
            if (offer.isEmpty()) {
                throw new UnprocessableProblem("offers: unknown offer '" + printable(id) + "'; GET /api/offers "
                        + "lists the catalogue");
            }
            if (!usable(offer.get(), channels, day)) {
                throw new UnprocessableProblem("offers: offer '" + id + "' is paused, not valid on " + day
                        + " or goes by none of " + codes(channels) + " (it goes by "
                        + codes(List.copyOf(offer.get().channels())) + ")");
            }
            out.add(id);
        }
        return out;
    }

    private static boolean usable(Offer offer, List<Channel> channels, LocalDate day) {
        return offer.active() && offer.validOn(day) && channels.stream().anyMatch(offer.channels()::contains);
    }

    private static String outbound() {
        return Arrays.stream(Channel.values()).filter(Channel::outbound).map(Channel::code)
                .collect(Collectors.joining(", "));
    }

    private static String codes(List<Channel> channels) {
        return channels.stream().map(Channel::code).collect(Collectors.joining(", "));
    }

    /** A value quoted back in a message: printable characters only, at most 64 of them. */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
