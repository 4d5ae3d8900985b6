package io.nbo.profile.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer profile over the wire: the customer 360 view. */
@Schema(name = "Customer", description = "A customer profile: demographics, consents, segments, purchase aggregates")
public record CustomerPayload(
        @Schema(examples = "C0000042") String id,
        @Schema(examples = "34") Integer age,
        @Schema(examples = "female") String gender,
        @Schema(examples = "GB") String country,
        @Schema(examples = "London") String region,
        @Schema(examples = "Europe/London") String timeZone,
        @Schema(examples = "[\"email\", \"push\"]", description = "Channels the customer agreed to be contacted on")
        List<String> consents,
        @Schema(examples = "[\"young-families\"]") List<String> segments,
        @Schema(examples = "[\"app-user\"]") List<String> tags,
        @Schema(examples = "active", enumeration = {"prospect", "new", "active", "lapsing", "lapsed"})
        String lifecycleStage,
        @Schema(examples = "high", enumeration = {"high", "medium", "low", "unknown"}) String engagement,
        @Schema(examples = "6", description = "Days since the last purchase") Integer recencyDays,
        @Schema(examples = "24", description = "Purchases in the last 12 months") Integer frequency,
        @Schema(examples = "1840.50", description = "Spend in the last 12 months") BigDecimal monetary,
        @Schema(examples = "[\"coffee\", \"bakery\"]") List<String> topCategories,
        @Schema(examples = "[\"coffee\", \"croissant\"]") List<String> topItems,
        @Schema(examples = "[\"mobile-app\", \"email\"]") List<String> preferredChannels,
        @Schema(examples = "950.00") BigDecimal predictedValue,
        @Schema(examples = "0.12", description = "0..1") Double churnRisk) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final Set<String> STAGES = Set.of("prospect", "new", "active", "lapsing", "lapsed");
    private static final Set<String> ENGAGEMENT = Set.of("high", "medium", "low", "unknown");

    public static CustomerPayload from(CustomerProfile p) {
        return new CustomerPayload(p.id(), p.age(), p.gender(), p.country(), p.region(), p.timeZone().getId(),
                p.consents().stream().sorted().map(Channel::code).toList(), p.segments().stream().sorted().toList(),
                p.tags().stream().sorted().toList(), p.lifecycleStage(), p.engagement(), p.recencyDays(),
                p.frequency(), p.monetary(), p.topCategories(), p.topItems(),
                p.preferredChannels().stream().map(Channel::code).toList(), p.predictedValue(), p.churnRisk());
    }

    public CustomerProfile toProfile() {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldProblem("id", "id must be 1-64 letters, digits or '-_.@', got " + Values.quote(id));
        }
        if (age != null && (age < 0 || age > 130)) {
            throw new InvalidFieldProblem("age", "age must be between 0 and 130, got " + age);
        }
        if (churnRisk != null && (churnRisk < 0 || churnRisk > 1)) {
            throw new InvalidFieldProblem("churnRisk", "churnRisk must be between 0 and 1, got " + churnRisk);
        }
        String stage = lifecycleStage == null ? "active" : lifecycleStage;
        if (!STAGES.contains(stage)) {
            throw new InvalidFieldProblem("lifecycleStage", "lifecycleStage must be one of " + String.join(", ",
                    STAGES.stream().sorted().toList()) + ", got " + Values.quote(lifecycleStage));
        }
        String level = engagement == null ? "unknown" : engagement;
        if (!ENGAGEMENT.contains(level)) {
            throw new InvalidFieldProblem("engagement", "engagement must be high, medium, low or unknown, got "
                    + Values.quote(engagement));
        }
        if (frequency != null && frequency < 0 || recencyDays != null && recencyDays < 0) {
            throw new InvalidFieldProblem(frequency != null && frequency < 0 ? "frequency" : "recencyDays",
                    "frequency and recencyDays cannot be negative");
        }
        return new CustomerProfile(id, true, age, gender, country, region, zone(), new LinkedHashSet<>(
                channels("consents", consents)), set(segments), set(tags), stage, level, recencyDays,
                frequency == null ? 0 : frequency, monetary, list(topCategories), list(topItems),
                channels("preferredChannels", preferredChannels), predictedValue, churnRisk == null ? 0 : churnRisk);
    }

    private ZoneId zone() {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldProblem("timeZone", "timeZone must be an IANA zone such as Europe/London, got "
                    + Values.quote(timeZone));
        }
    }

    private static List<Channel> channels(String field, List<String> codes) {
        List<Channel> out = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            out.add(Channel.fromCode(code).orElseThrow(() -> new InvalidFieldProblem(field,
                    "unknown channel " + Values.quote(code) + " in " + field + "; use " + Channel.codes())));
        }
        return out;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
