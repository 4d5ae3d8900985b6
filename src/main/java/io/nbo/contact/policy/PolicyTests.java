package io.nbo.contact.policy;

import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.workbook.WorkbookTest;
import io.nbo.rules.workbook.WorkbookTestRunner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the examples a marketer keeps in the policy's Tests block, each through the standard decision pipeline with the
 * policy under test: one offer, made eligible, for one customer with a contact history, at a moment of their local
 * time. Each example says which channel the offer should go by ({@code Expect channel}, or {@code none}) and/or which
 * rule should keep it away ({@code Expect rule}). Volume limits are not counted in examples (no stock is taken).
 *
 * <pre>
 * Tests
 * Test,Channels,Consents,Prefers,Touchpoint,Local time,History,Expect channel,Expect rule
 * Weekly e-mail used,email|mobile-app,email,mobile-app,email,10:00,offered email 2d,mobile-app,
 * Quiet at night,sms,sms,,web,22:30,,none,No texts or pushes at night
 * </pre>
 */
public final class PolicyTests {

    /** The columns of a policy Tests block, normalised. */
    public static final Set<String> COLUMNS = Set.of("test", "offer", "group", "channels", "consents", "prefers",
            "touchpoint", "timezone", "day", "localtime", "history", "expectchannel", "expectrule");

    static final String HINT = "use Test, the offer (Offer, Group, Channels), the customer (Consents, Prefers, Time "
            + "zone, History), the moment (Touchpoint, Day, Local time) or Expect channel / Expect rule";

    private static final LocalDate DEFAULT_DAY = LocalDate.of(2026, 11, 23);
    private static final String CUSTOMER = "TEST";

    public WorkbookTestRunner.Outcome run(ContactPolicy policy, List<WorkbookTest> tests) {
        List<RuleProblem> failures = new ArrayList<>();
        for (WorkbookTest test : tests) {
            String why;
            try {
                why = failure(policy, test);
            } catch (IllegalArgumentException | DateTimeException e) {
                why = "cannot be run: " + e.getMessage();
            }
            if (why != null) {
                failures.add(RuleProblem.error(test.file(), test.sheet(), null, test.row(),
                        "test '" + test.name() + "' " + why));
            }
        }
        return new WorkbookTestRunner.Outcome(tests.size(), failures);
    }

    private static String failure(ContactPolicy policy, WorkbookTest test) {
        Map<String, String> in = test.inputs();
        String expectChannel = in.get("expectchannel");
        String expectRule = in.get("expectrule");
        if (expectChannel == null && expectRule == null) {
            throw new IllegalArgumentException("it expects nothing; fill Expect channel (a channel or none) or Expect "
                    + "rule");
        }
        Offer offer = offer(in);
        ZoneId zone = ZoneId.of(in.getOrDefault("timezone", "UTC"));
        LocalDate day = in.containsKey("day") ? LocalDate.parse(in.get("day")) : DEFAULT_DAY;
        LocalTime time = in.containsKey("localtime") ? LocalTime.parse(in.get("localtime")) : LocalTime.NOON;
        Instant now = day.atTime(time).atZone(zone).toInstant();
        CustomerProfile customer = new CustomerProfile(CUSTOMER, true, null, null, null, null, zone,
                Set.copyOf(channelsOrNone(in.get("consents"), "Consents")), Set.of(), Set.of(), "active",
                "unknown", null, 0, BigDecimal.ZERO, List.of(), List.of(), channels(in.get("prefers"), "Prefers"),
                BigDecimal.ZERO, 0.0);
        ContactHistory history = new ContactHistory(CUSTOMER, history(in.get("history"), offer, now));
        Channel touchpoint = channel(in.getOrDefault("touchpoint", "web"), "Touchpoint");
        Decision decision = DecisionPipeline.standard(everyOffer(), new AffinityPropensity(),
                        new ContactLimits(() -> policy, id -> history, ContactLimits.none().volumes()),
                        new FallbackOffer(null), Clock.fixed(now, ZoneOffset.UTC), () -> "test")
                .decide(new DecisionRequest(CUSTOMER, touchpoint, Map.of(), null, 1, false), customer,
                        List.of(offer));
        String channel = decision.offers().isEmpty() ? "none"
                : decision.offers().get(0).candidate().channel().code();
        Rejection refused = decision.notChosen().isEmpty() ? null : decision.notChosen().get(0);
        List<String> wrong = new ArrayList<>();
        if (expectChannel != null && !expected(expectChannel).equals(channel)) {
            wrong.add("expected channel " + expected(expectChannel) + ", got " + channel);
        }
        if (expectRule != null && (refused == null || !expectRule.equalsIgnoreCase(refused.rule()))) {
            wrong.add("expected rule '" + expectRule + "' to keep the offer away, "
                    + (refused == null ? "but nothing did" : "but it was '" + refused.rule() + "'"));
        }
        if (wrong.isEmpty()) {
            return null;
        }
        return "failed: " + String.join("; ", wrong) + " (" + (refused == null ? "went by " + channel + ": "
                + decision.offers().get(0).candidate().channelReason()
                : "not made: " + refused.stage().name().toLowerCase() + " [" + refused.rule() + "] "
                + refused.reason()) + ")";
    }

    private static EligibilityEngine everyOffer() {
        return (situation, offers) -> {
            Map<String, EligibilityResult.Verdict> verdicts = new HashMap<>();
            offers.forEach(o -> verdicts.put(o.id(), new EligibilityResult.Verdict(List.of("example"), List.of(),
                    1.0, null)));
            return new EligibilityResult("policy-test", verdicts, List.of(), Set.of());
        };
    }

    private static Offer offer(Map<String, String> in) {
        List<Channel> channels = channels(in.get("channels"), "Channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("Channels is required: the channels the offer can go by, e.g. "
                    + "email|sms");
        }
        String id = in.getOrDefault("offer", "TEST-OFFER");
        return new Offer(id, id, null, "general", OfferKind.COUPON, BigDecimal.TEN, Set.copyOf(channels), null, null,
                null, in.get("group"), 1.0, true);
    }

    /**
     * "offered email 2d, accepted web 30d OTHER-OFFER": what happened, on which channel, how long before the moment of
     * the example, and to which offer (this example's by default).
     */
    private static List<ContactEvent> history(String cell, Offer offer, Instant now) {
        List<ContactEvent> events = new ArrayList<>();
        if (cell == null) {
            return events;
        }
        for (String item : cell.split(",")) {
            String[] words = item.strip().split("\\s+");
            if (words.length < 3 || words.length > 4) {
                throw new IllegalArgumentException("History item '" + item.strip() + "' must be: what, channel, how "
                        + "long ago[, offer], e.g. 'offered email 2d' or 'accepted web 30d COFFEE-AM'");
            }
            ContactEventType type = ContactEventType.fromCode(words[0]).orElseThrow(() ->
                    new IllegalArgumentException("History: '" + words[0] + "' is not one of "
                            + ContactEventType.codes()));
            Duration ago = Durations.parse(words[2]);
            if (ago == null) {
                throw new IllegalArgumentException("History: '" + words[2] + "' is not a duration such as 90m, 24h, "
                        + "7d or 2w");
            }
            boolean other = words.length == 4 && !words[3].equalsIgnoreCase(offer.id());
            events.add(new ContactEvent("example-" + events.size(), other ? words[3] : offer.id(),
                    other ? null : offer.offerGroup(), channel(words[1], "History"), type, now.minus(ago), null));
        }
        return events;
    }

    private static String expected(String channel) {
        return channel.equalsIgnoreCase("none") ? "none" : channel(channel, "Expect channel").code();
    }

    private static List<Channel> channelsOrNone(String cell, String column) {
        return cell == null || cell.equalsIgnoreCase("none") ? List.of() : channels(cell, column);
    }

    /** Channels joined by | or commas. */
    private static List<Channel> channels(String cell, String column) {
        List<Channel> channels = new ArrayList<>();
        if (cell != null) {
            for (String code : cell.split("[|,]")) {
                if (!code.isBlank()) {
                    channels.add(channel(code, column));
                }
            }
        }
        return channels;
    }

    private static Channel channel(String code, String column) {
        return Channel.fromCode(code.strip()).orElseThrow(() -> new IllegalArgumentException(column + ": '"
                + code.strip() + "' is not a channel; use one of " + Channel.codes()));
    }
}
