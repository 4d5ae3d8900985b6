package io.nbo.offer.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.offer.Retirement;
import io.nbo.offer.TimeWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offer over the wire. */
@Schema(name = "Offer", description = "An offer in the catalogue")
public record OfferPayload(
        @Schema(examples = "COFFEE-AM", description = "Letters, digits, '-' and '_', up to 64") String id,
        @Schema(examples = "Morning coffee coupon") String name,
        String description,
        @Schema(examples = "coffee") String category,
        @Schema(examples = "coupon", enumeration = {"discount", "coupon", "bundle", "loyalty-points", "informational",
                "service"}) String kind,
        @Schema(examples = "3.00") BigDecimal businessValue,
        @Schema(examples = "[\"mobile-app\", \"push\"]") List<String> channels,
        @Schema(description = "First valid day, customer's local date") LocalDate validFrom,
        @Schema(description = "Last valid day (inclusive); equal to validFrom for a one-day offer") LocalDate validTo,
        @Schema(examples = "07:30", description = "Daily window start, customer's local time") LocalTime windowStart,
        @Schema(examples = "09:00") LocalTime windowEnd,
        @Schema(examples = "coffee", description = "At most one offer of a group per decision") String offerGroup,
        @Schema(examples = "1.0", description = "Marketer's lever, multiplies the score") Double priority,
        @Schema(examples = "true") Boolean active,
        @Schema(readOnly = true, enumeration = {"active", "paused", "retired"}, description = "Serving (active), "
                + "paused by a marketer (active: false), or retired (DELETE): no longer a candidate, kept for history")
        String state,
        @Schema(readOnly = true, description = "When the offer was retired; absent while it serves") Instant retiredAt) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public static OfferPayload from(Offer o) {
        return from(o, null);
    }

    /** The offer as the API shows it, with its state; {@code retirement} null while it serves. */
    public static OfferPayload from(Offer o, Retirement retirement) {
        return new OfferPayload(o.id(), o.name(), o.description(), o.category(), o.kind().code(), o.businessValue(),
                o.channels().stream().sorted(Comparator.naturalOrder()).map(Channel::code).toList(),
                o.validFrom(), o.validTo(), o.window() == null ? null : o.window().start(),
                o.window() == null ? null : o.window().end(), o.offerGroup(), o.priority(), o.active(),
                retirement != null ? "retired" : o.active() ? "active" : "paused",
                retirement == null ? null : retirement.at());
    }

    /** Checks every field and builds the domain offer; the first bad field is named in a 400. */
    public Offer toOffer() {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldProblem("id", "id must be 1-64 letters, digits, '-' or '_', got " + Values.quote(id));
        }
        if (name == null || name.isBlank()) {
            throw new InvalidFieldProblem("name", "name is required");
        }
        OfferKind offerKind = OfferKind.fromCode(kind).orElseThrow(() -> new InvalidFieldProblem("kind",
                "kind must be one of " + OfferKind.codes() + ", got " + Values.quote(kind)));
        if (businessValue != null && businessValue.signum() < 0) {
            throw new InvalidFieldProblem("businessValue", "businessValue cannot be negative, got " + businessValue);
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidFieldProblem("validTo", "validTo " + validTo + " is before validFrom " + validFrom);
        }
        if ((windowStart == null) != (windowEnd == null) || windowStart != null && windowStart.equals(windowEnd)) {
            throw new InvalidFieldProblem("windowEnd", "give both windowStart and windowEnd, and make them differ");
        }
        if (priority != null && priority <= 0) {
            throw new InvalidFieldProblem("priority", "priority must be above 0 (1.0 is neutral), got " + priority);
        }
        return new Offer(id, name.strip(), description, category, offerKind, businessValue, channelSet(),
                validFrom, validTo, windowStart == null ? null : new TimeWindow(windowStart, windowEnd),
                offerGroup == null || offerGroup.isBlank() ? null : offerGroup.strip(),
                priority == null ? 1.0 : priority, active == null || active);
    }

    private Set<Channel> channelSet() {
        if (channels == null || channels.isEmpty()) {
            throw new InvalidFieldProblem("channels", "channels needs at least one of " + Channel.codes());
        }
        Set<Channel> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : channels) {
            Channel.fromCode(code).ifPresentOrElse(out::add, () -> unknown.add(Values.quote(code)));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldProblem("channels", "unknown channel " + String.join(", ", unknown)
                    + "; use " + Channel.codes());
        }
        return out;
    }
}
