package io.nbo.rules.vocabulary;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer as a decision table sees it. Part of the documented fact vocabulary (docs/decision-tables.md): keep
 * it small and stable, add rather than rename.
 */
public final class Customer {

    /** The built-in attributes {@link #unknown(String)} may ask about (the others always have a value). */
    public static final Set<String> MAY_BE_UNKNOWN = Set.of("age", "gender", "country", "region", "recencyDays",
            "name", "email", "phone");

    private final CustomerProfile profile;
    private final Set<String> consents;
    private final LocalDate today;

    /** The customer on today's date in their own time zone. */
    public Customer(CustomerProfile profile) {
        this(profile, LocalDate.now(profile.timeZone()));
    }

    /** The customer on {@code today}, their local date in the decision (what {@link #daysSince} counts to). */
    public Customer(CustomerProfile profile, LocalDate today) {
        this.profile = profile;
        this.consents = profile.consents().stream().map(Channel::code).collect(Collectors.toUnmodifiableSet());
        this.today = today;
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

    /**
     * A declared number attribute ({@code number("income") >= 50000}); null when the customer has no value, so a
     * range never matches an unknown value. The table checks only let declared number attributes through.
     */
    public Double number(String attribute) {
        String v = profile.attributes().get(attribute);
        return v == null ? null : Double.valueOf(v);
    }

    /** A declared text or choice attribute ({@code text("loyalty_tier") == "gold"}); null when unknown. */
    public String text(String attribute) { return profile.attributes().get(attribute); }

    /** A declared yes-no attribute ({@code yesNo("newsletter") == true}); null when unknown. */
    public Boolean yesNo(String attribute) {
        String v = profile.attributes().get(attribute);
        return v == null ? null : Boolean.valueOf(v);
    }

    /**
     * Whole days from a declared date attribute to the customer's local date in this decision
     * ({@code daysSince("membership_date") >= 365}: a member for a year or more); null when unknown.
     */
    public Integer daysSince(String attribute) {
        String v = profile.attributes().get(attribute);
        return v == null ? null : (int) ChronoUnit.DAYS.between(LocalDate.parse(v), today);
    }

    /**
     * True when the customer has no value for the attribute: a declared custom one, or one of the built-in
     * {@link #MAY_BE_UNKNOWN} ({@code unknown("age")}). Everything is unknown for a visitor we hold no profile for.
     */
    public boolean unknown(String attribute) {
        if (!profile.known()) {
            return true;
        }
        return switch (attribute) {
            case "age" -> profile.age() == null;
            case "gender" -> profile.gender() == null;
            case "country" -> profile.country() == null;
            case "region" -> profile.region() == null;
            case "recencyDays" -> profile.recencyDays() == null;
            case "name" -> profile.name() == null;
            case "email" -> profile.email() == null;
            case "phone" -> profile.phone() == null;
            default -> !profile.attributes().containsKey(attribute);
        };
    }

    @Override
    public String toString() { return "Customer " + profile.id(); }
}
