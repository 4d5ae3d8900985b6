package io.nbo.profile;

import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
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
        double churnRisk) {

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
    }

    /** A visitor we hold no profile for: answered from context alone, no consents, no history. */
    public static CustomerProfile anonymous(String id, ZoneId zone) {
        return new CustomerProfile(id, false, null, null, null, null, zone, Set.of(), Set.of(), Set.of(),
                "prospect", "unknown", null, 0, BigDecimal.ZERO, List.of(), List.of(), List.of(), BigDecimal.ZERO, 0.0);
    }

    public boolean consentsTo(Channel channel) {
        return consents.contains(channel);
    }
}
