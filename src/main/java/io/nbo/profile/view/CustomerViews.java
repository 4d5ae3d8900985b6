package io.nbo.profile.view;

import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.Attributes;
import io.nbo.profile.service.AttributeService;
import io.nbo.profile.service.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts together the 360 view of one customer: the cached profile, the declared attributes' types, the contact history
 * (offers made and their outcomes, from the decision log), and what the event store knows ({@link CustomerActivity}:
 * purchases, recent events, segments with the rows that assigned them).
 */
@ApplicationScoped
public class CustomerViews {

    static final int RECENT_EVENTS = 20;

    private final ProfileService profiles;
    private final AttributeService attributes;
    private final ContactHistoryStore histories;
    private final OfferCatalogue catalogue;
    private final Instance<CustomerActivity> activity;

    public CustomerViews(ProfileService profiles, AttributeService attributes, ContactHistoryStore histories,
                         OfferCatalogue catalogue, Instance<CustomerActivity> activity) {
        this.profiles = profiles;
        this.attributes = attributes;
        this.histories = histories;
        this.catalogue = catalogue;
        this.activity = activity;
    }

    public CustomerView view(String id) {
        CustomerProfile p = profiles.get(id);
        CustomerActivity events = activity.isResolvable() ? activity.get() : CustomerActivity.NONE;
        List<CustomerView.OfferMade> offers = offers(p.id());
        List<CustomerView.Segment> segments = new ArrayList<>(events.segments(p.id()));
        java.util.Set<String> assigned = new java.util.HashSet<>();
        segments.forEach(s -> assigned.add(s.segment()));
        p.segments().stream().filter(s -> !assigned.contains(s)).sorted()
                .forEach(s -> segments.add(CustomerView.Segment.fromProfile(s)));
        return new CustomerView(p.id(), p.name(), p.email(), p.phone(), p.timeZone().getId(),
                attributes(p, attributes.current()), consents(p), segments,
                summary(offers), offers, events.purchases(p.id()).orElse(null),
                events.recentEvents(p.id(), RECENT_EVENTS));
    }

    private static List<CustomerView.Attribute> attributes(CustomerProfile p, Attributes declared) {
        List<CustomerView.Attribute> out = new ArrayList<>(List.of(
                builtIn("age", "Age", "number", p.age()),
                builtIn("gender", "Gender", "text", p.gender()),
                builtIn("country", "Country", "text", p.country()),
                builtIn("region", "Region", "text", p.region()),
                builtIn("lifecycleStage", "Lifecycle stage", "choice", p.lifecycleStage()),
                builtIn("engagement", "Engagement", "choice", p.engagement()),
                builtIn("recencyDays", "Days since last purchase", "number", p.recencyDays()),
                builtIn("frequency", "Purchases in 12 months", "number", p.frequency()),
                builtIn("monetary", "Spend in 12 months", "number", p.monetary()),
                builtIn("predictedValue", "Predicted value", "number", p.predictedValue()),
                builtIn("churnRisk", "Churn risk", "number", p.churnRisk()),
                builtIn("tags", "Tags", "list", p.tags().stream().sorted().toList()),
                builtIn("topCategories", "Top categories", "list", p.topCategories()),
                builtIn("topItems", "Items bought most", "list", p.topItems()),
                builtIn("preferredChannels", "Preferred channels", "list",
                        p.preferredChannels().stream().map(Channel::code).toList())));
        for (AttributeDeclaration a : declared.all()) {
            String value = p.attributes().get(a.name());
            out.add(new CustomerView.Attribute(a.name(), a.label(), a.type().code(),
                    value == null ? null : a.type().json(value), false));
        }
        return out;
    }

    private static CustomerView.Attribute builtIn(String name, String label, String type, Object value) {
        return new CustomerView.Attribute(name, label, type, value, true);
    }

    private static List<CustomerView.Consent> consents(CustomerProfile p) {
        List<CustomerView.Consent> out = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (c.outbound()) {
                out.add(new CustomerView.Consent(c.code(), p.consentsTo(c)));
            }
        }
        return out;
    }

    private List<CustomerView.OfferMade> offers(String customerId) {
        Map<String, List<ContactEvent>> byOffer = new LinkedHashMap<>();
        histories.history(customerId).events().stream().sorted(Comparator.comparing(ContactEvent::at))
                .forEach(e -> byOffer.computeIfAbsent(e.decisionId() + "/" + e.offerId(), k -> new ArrayList<>())
                        .add(e));
        List<CustomerView.OfferMade> out = new ArrayList<>();
        for (List<ContactEvent> events : byOffer.values()) {
            ContactEvent first = events.get(0);
            ContactEvent offered = events.stream().filter(e -> e.type() == ContactEventType.OFFERED).findFirst()
                    .orElse(first);
            List<CustomerView.Outcome> outcomes = events.stream().filter(e -> e.type().outcome())
                    .map(e -> new CustomerView.Outcome(e.type().code(), e.at())).toList();
            java.math.BigDecimal value = events.stream().map(ContactEvent::value).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            out.add(new CustomerView.OfferMade(first.decisionId(), first.offerId(), catalogue.findAny(first.offerId())
                    .map(o -> o.name()).orElse(null), offered.channel().code(), offered.at(), value,
                    outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1).outcome(), outcomes));
        }
        out.sort(Comparator.comparing(CustomerView.OfferMade::offeredAt).reversed());
        return out;
    }

    private static CustomerView.OfferSummary summary(List<CustomerView.OfferMade> offers) {
        int accepted = count(offers, "accepted");
        int rejected = count(offers, "rejected");
        int purchased = count(offers, "purchased");
        Instant last = offers.isEmpty() ? null : offers.get(0).offeredAt();
        return new CustomerView.OfferSummary(offers.size(), accepted, rejected, purchased, last);
    }

    private static int count(List<CustomerView.OfferMade> offers, String outcome) {
        return (int) offers.stream().filter(o -> o.outcomes().stream().anyMatch(x -> x.outcome().equals(outcome)))
                .count();
    }
}
