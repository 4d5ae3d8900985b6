package io.nbo.profile.persistence;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Maps customer rows to the immutable {@link CustomerProfile} and back. */
public final class ProfileMapper {

    private ProfileMapper() {
    }

    public static CustomerProfile toProfile(CustomerEntity e) {
        return new CustomerProfile(e.id, true, e.age, e.gender, e.country, e.region, ZoneId.of(e.timeZone),
                channels(e.consents).stream().collect(Collectors.toUnmodifiableSet()),
                new LinkedHashSet<>(e.segments), new LinkedHashSet<>(e.tags), e.lifecycleStage, e.engagement,
                e.recencyDays, e.frequency, e.monetary, e.topCategories, e.topItems, channels(e.preferredChannels),
                e.predictedValue, e.churnRisk, e.name, e.email, e.phone, AttributeJson.read(e.attributes));
    }

    public static CustomerEntity fill(CustomerEntity e, CustomerProfile p) {
        e.id = p.id();
        e.age = p.age();
        e.gender = p.gender();
        e.country = p.country();
        e.region = p.region();
        e.timeZone = p.timeZone().getId();
        e.consents = p.consents().stream().sorted().map(Channel::code).toList();
        e.segments = p.segments().stream().sorted().toList();
        e.tags = p.tags().stream().sorted().toList();
        e.lifecycleStage = p.lifecycleStage();
        e.engagement = p.engagement();
        e.recencyDays = p.recencyDays();
        e.frequency = p.frequency();
        e.monetary = p.monetary();
        e.topCategories = p.topCategories();
        e.topItems = p.topItems();
        e.preferredChannels = p.preferredChannels().stream().map(Channel::code).toList();
        e.predictedValue = p.predictedValue();
        e.churnRisk = p.churnRisk();
        e.name = p.name();
        e.email = p.email();
        e.phone = p.phone();
        e.phoneDigits = io.nbo.profile.fields.CustomerFields.digits(p.phone());
        e.attributes = AttributeJson.write(p.attributes());
        e.sample = false;
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }

    private static List<Channel> channels(List<String> codes) {
        return codes.stream().map(Channel::fromCode).flatMap(java.util.Optional::stream).toList();
    }
}
