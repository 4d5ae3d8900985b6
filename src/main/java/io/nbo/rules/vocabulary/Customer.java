package io.nbo.rules.vocabulary;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer as a decision table sees it. Part of the documented fact vocabulary (docs/decision-tables.md): keep
 * it small and stable, add rather than rename.
 */
public final class Customer {

    private final CustomerProfile profile;
    private final Set<String> consents;

    public Customer(CustomerProfile profile) {
        this.profile = profile;
        this.consents = profile.consents().stream().map(Channel::code).collect(Collectors.toUnmodifiableSet());
    }

    public String getId() { return profile.id(); }

    /** False for a visitor we hold no profile for. */
    public boolean isKnown() { return profile.known(); }

    /** Null when unknown: a range on age never matches an unknown age. */
    public Integer getAge() { return profile.age(); }

    public String getGender() { return profile.gender(); }

    public String getCountry() { return profile.country(); }

    public String getRegion() { return profile.region(); }

    /** prospect, new, active, lapsing, lapsed. */
    public String getLifecycle() { return profile.lifecycleStage(); }

    /** high, medium, low (unknown for visitors). */
    public String getEngagement() { return profile.engagement(); }

    /** Days since the last purchase; null when the customer never bought. */
    public Integer getRecencyDays() { return profile.recencyDays(); }

    /** Purchases in the last 12 months. */
    public int getFrequency() { return profile.frequency(); }

    /** Spend in the last 12 months. */
    public double getMonetary() { return profile.monetary().doubleValue(); }

    public double getPredictedValue() { return profile.predictedValue().doubleValue(); }

    /** 0..1. */
    public double getChurnRisk() { return profile.churnRisk(); }

    public boolean inSegment(String segment) { return profile.segments().contains(segment); }

    public boolean hasTag(String tag) { return profile.tags().contains(tag); }

    /** Channel code: email, sms, push, social, ... */
    public boolean consentsTo(String channel) { return consents.contains(channel); }

    /** True when the item is among the items this customer buys most often. */
    public boolean buysMost(String item) { return profile.topItems().contains(item); }

    /** True when the category is among the customer's top categories. */
    public boolean likesCategory(String category) { return profile.topCategories().contains(category); }

    @Override
    public String toString() { return "Customer " + profile.id(); }
}
