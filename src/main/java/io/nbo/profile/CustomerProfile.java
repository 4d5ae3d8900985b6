package io.nbo.profile;

import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The customer 360 view the hot path reads: immutable, cached in Infinispan, never an entity.
 *
 * @param age            null when unknown
 * @param recencyDays    days since the last purchase, null when the customer never bought
 * @param frequency      purchases in the last 12 months
 * @param monetary       spend in the last 12 months
 * @param topCategories  categories by spend, most first
 * @param topItems       items bought most often, most first
 * @param churnRisk      0..1
 * @param name           the customer's name (personal data: never logged, see {@link #toString()}), null if unknown
 * @param email          lower case, null if unknown (personal data)
 * @param phone          as given, null if unknown (personal data)
 * @param attributes     the values of declared custom attributes, by name, as canonical text (a number as
 *                       {@code 52000.5}, a date as {@code 2019-04-01}, yes/no as {@code true}/{@code false}); an
 *                       attribute the customer has no value for is absent
 */
public record CustomerProfile(
        String id,
        boolean known,
        Integer age,
        String gender,
        String country,
        String region,
        ZoneId timeZone,
        Set<Channel> consents,
        Set<String> segments,
        Set<String> tags,
        String lifecycleStage,
        String engagement,
        Integer recencyDays,
        int frequency,
        BigDecimal monetary,
        List<String> topCategories,
        List<String> topItems,
        List<Channel> preferredChannels,
        BigDecimal predictedValue,
        double churnRisk,
        String name,
        String email,
        String phone,
        Map<String, String> attributes) {

    public CustomerProfile {
        Objects.requireNonNull(id, "id");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        consents = ChannelSet.copyOf(consents);
        segments = Set.copyOf(segments);
        tags = Set.copyOf(tags);
        topCategories = List.copyOf(topCategories);
        topItems = List.copyOf(topItems);
        preferredChannels = List.copyOf(preferredChannels);
        monetary = monetary == null ? BigDecimal.ZERO : monetary;
        predictedValue = predictedValue == null ? BigDecimal.ZERO : predictedValue;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A profile without identity fields or custom attributes (what the aggregates and tests build). */
    public CustomerProfile(String id, boolean known, Integer age, String gender, String country, String region,
                           ZoneId timeZone, Set<Channel> consents, Set<String> segments, Set<String> tags,
                           String lifecycleStage, String engagement, Integer recencyDays, int frequency,
                           BigDecimal monetary, List<String> topCategories, List<String> topItems,
                           List<Channel> preferredChannels, BigDecimal predictedValue, double churnRisk) {
        this(id, known, age, gender, country, region, timeZone, consents, segments, tags, lifecycleStage, engagement,
                recencyDays, frequency, monetary, topCategories, topItems, preferredChannels, predictedValue,
                churnRisk, null, null, null, Map.of());
    }

    /** A visitor we hold no profile for: answered from context alone, no consents, no history. */
    public static CustomerProfile anonymous(String id, ZoneId zone) {
        return new CustomerProfile(id, false, null, null, null, null, zone, Set.of(), Set.of(), Set.of(),
                "prospect", "unknown", null, 0, BigDecimal.ZERO, List.of(), List.of(), List.of(), BigDecimal.ZERO, 0.0);
    }

    public boolean consentsTo(Channel channel) {
        return consents.contains(channel);
    }

    /** This profile with other identity fields and custom attribute values. */
    public CustomerProfile withIdentity(String name, String email, String phone, Map<String, String> attributes) {
        return new CustomerProfile(id, known, age, gender, country, region, timeZone, consents, segments, tags,
                lifecycleStage, engagement, recencyDays, frequency, monetary, topCategories, topItems,
                preferredChannels, predictedValue, churnRisk, name, email, phone, attributes);
    }

    /** This profile with other segments. */
    public CustomerProfile withSegments(Set<String> segments) {
        return new CustomerProfile(id, known, age, gender, country, region, timeZone, consents, segments, tags,
                lifecycleStage, engagement, recencyDays, frequency, monetary, topCategories, topItems,
                preferredChannels, predictedValue, churnRisk, name, email, phone, attributes);
    }

    /**
     * Never the personal data: a record's default text would put the id, name, e-mail, phone and attributes in a log.
     */
    @Override
    public String toString() {
        return "CustomerProfile[known=" + known + ", name=" + (name == null ? "none" : "***")
                + ", email=" + (email == null ? "none" : "***") + ", phone=" + (phone == null ? "none" : "***")
                + ", attributes=" + attributes.size() + "]";
    }
}
