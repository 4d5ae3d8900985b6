package io.nbo.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.attribute.Attributes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer profile over the wire. Answers use this shape; requests are read field by field by
 * {@link io.nbo.profile.fields.CustomerFields} (so an unknown field is refused rather than dropped) and documented
 * with it.
 */
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
        @Schema(examples = "0.12", description = "0..1") Double churnRisk,
        @Schema(examples = "Ann Smith", description = "Personal data: shown to agents, marketers and admins only")
        String name,
        @Schema(examples = "ann.smith@example.com", description = "Stored in lower case; personal data") String email,
        @Schema(examples = "+44 20 7946 0958", description = "Personal data") String phone,
        @Schema(examples = "{\"income\": 52000, \"membership_date\": \"2019-04-01\", \"loyalty_tier\": \"gold\"}",
                description = "Values of the declared custom attributes (GET /api/attributes); on input they may also "
                        + "be sent as top-level fields")
        Map<String, Object> attributes,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Answers only: the fields left out with unknownFields=warn", readOnly = true)
        List<String> warnings) {

    public static CustomerPayload from(CustomerProfile p, Attributes declared) {
        return from(p, declared, null);
    }

    /** The profile over the wire; custom attribute values typed by their declarations (text when undeclared). */
    public static CustomerPayload from(CustomerProfile p, Attributes declared, List<String> warnings) {
        Map<String, Object> attributes = new TreeMap<>();
        p.attributes().forEach((name, value) -> attributes.put(name, declared.get(name)
                .map(a -> a.type().json(value)).orElse(value)));
        return new CustomerPayload(p.id(), p.age(), p.gender(), p.country(), p.region(), p.timeZone().getId(),
                p.consents().stream().sorted().map(Channel::code).toList(), p.segments().stream().sorted().toList(),
                p.tags().stream().sorted().toList(), p.lifecycleStage(), p.engagement(), p.recencyDays(),
                p.frequency(), p.monetary(), p.topCategories(), p.topItems(),
                p.preferredChannels().stream().map(Channel::code).toList(), p.predictedValue(), p.churnRisk(),
                p.name(), p.email(), p.phone(), attributes, warnings == null || warnings.isEmpty() ? null : warnings);
    }
}
