package io.nbo.event.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.event.core.CustomerEvent;
import io.nbo.event.core.EventType;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event as a client sends it; {@link #toEvent} checks it and names the field at fault. */
@Schema(name = "Event", description = "Something a customer did. Fields beyond eventId, customerId, type and "
        + "occurredAt depend on the type (docs/customer-data.md).")
public class EventPayload {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,100}");
    private static final Pattern NAME = Pattern.compile("[^,\\p{Cntrl}]{1,100}");
    private static final List<String> TEXT_FIELDS = List.of("page", "query", "reason", "storeId", "orderId",
            "decisionId", "offerId", "item", "category");
    private static final int MAX_ITEMS = 200;
    private static final int MAX_ATTRIBUTES = 20;

    @Schema(required = true, examples = "pos-2026-11-23-000123", description = "Your id for the event, unique: "
            + "sending it again changes nothing (answered as a duplicate)")
    public String eventId;
    @Schema(required = true, examples = "C0000042")
    public String customerId;
    @Schema(required = true, examples = "purchase", enumeration = {"purchase", "page-view", "product-view",
            "cart-abandoned", "search", "service-contact", "opened", "clicked", "unsubscribed", "consent-changed"})
    public String type;
    @Schema(required = true, examples = "2026-11-23T08:12:00Z", description = "When it happened (ISO-8601 with Z "
            + "or an offset); events may arrive late and in any order")
    public String occurredAt;
    @Schema(examples = "in-store", description = "Purchase: in-store, web or mobile-app (required). opened, clicked, "
            + "unsubscribed, consent-changed: the channel (required). Others: where it happened (default web)")
    public String channel;
    @Schema(examples = "23.50", description = "Purchase total; default the sum of the items")
    public BigDecimal amount;
    @Schema(description = "Purchase or cart lines")
    public List<ItemPayload> items;
    @Schema(description = "consent-changed: true when given, false when withdrawn (required)")
    public Boolean granted;
    @Schema(examples = "/shoes/running") public String page;
    @Schema(examples = "trail shoes", description = "search: what was searched for (stored, never logged)")
    public String query;
    @Schema(examples = "delivery late") public String reason;
    @Schema(examples = "S012") public String storeId;
    @Schema(examples = "ORD-9912") public String orderId;
    @Schema(description = "opened, clicked: the decision whose offer it was") public String decisionId;
    @Schema(examples = "COFFEE-AM") public String offerId;
    @Schema(examples = "running-shoes", description = "product-view: the item viewed") public String item;
    @Schema(examples = "footwear") public String category;
    @Schema(description = "Up to 20 more text values (a trigger table can test them as param(\"key\"))")
    public Map<String, String> attributes;

    private final Map<String, Object> unknown = new LinkedHashMap<>();

    @JsonAnySetter
    void unknown(String name, Object value) {
        unknown.put(name, value);
    }

    /** A purchase or cart line. */
    @Schema(name = "EventItem")
    public static class ItemPayload {
        @Schema(required = true, examples = "flat-white") public String item;
        @Schema(examples = "coffee") public String category;
        @Schema(examples = "2", description = "default 1") public Integer quantity;
        @Schema(examples = "3.20", description = "unit price; default 0") public BigDecimal price;
        private final Map<String, Object> unknown = new LinkedHashMap<>();

        @JsonAnySetter
        void unknown(String name, Object value) {
            unknown.put(name, value);
        }
    }

    /** The checked event; {@code at} prefixes field names ("" or "events[3]."). */
    public CustomerEvent toEvent(String at) {
        if (!unknown.isEmpty()) {
            throw new InvalidFieldProblem(at + unknown.keySet().iterator().next(), "unknown field"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", new TreeSet<>(unknown.keySet()))
                    + "; an event takes eventId, customerId, type, occurredAt, channel, amount, items, granted, "
                    + String.join(", ", TEXT_FIELDS) + " and attributes");
        }
        String id = id(at, "eventId", eventId);
        String customer = id(at, "customerId", customerId);
        EventType kind = EventType.fromCode(required(at, "type", type)).orElseThrow(() -> new InvalidFieldProblem(
                at + "type", "unknown event type '" + clip(type) + "'; use one of " + EventType.codes()));
        Instant when = instant(at);
        Channel where = channel(at, kind);
        List<CustomerEvent.Item> lines = items(at, kind);
        BigDecimal total = amount(at, kind, lines);
        if (kind == EventType.CONSENT_CHANGED && granted == null) {
            throw new InvalidFieldProblem(at + "granted", "a consent-changed event needs granted: true or false");
        }
        if (kind != EventType.CONSENT_CHANGED && granted != null) {
            throw new InvalidFieldProblem(at + "granted", "granted belongs to consent-changed events only");
        }
        return new CustomerEvent(id, customer, kind, when, where, total, lines, granted, texts(at));
    }

    private Instant instant(String at) {
        String text = required(at, "occurredAt", occurredAt);
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem(at + "occurredAt", "occurredAt '" + clip(text) + "' is not an ISO-8601 "
                    + "time with Z or an offset, e.g. 2026-11-23T08:12:00Z");
        }
    }

    private Channel channel(String at, EventType kind) {
        if (channel == null) {
            if (kind == EventType.PURCHASE) {
                throw new InvalidFieldProblem(at + "channel", "a purchase needs channel: in-store, web or mobile-app");
            }
            if (kind.needsChannel()) {
                throw new InvalidFieldProblem(at + "channel", "a " + kind.code() + " event needs the channel it "
                        + "concerns; use one of " + Channel.codes());
            }
            return null;
        }
        Channel c = Channel.fromCode(channel).filter(x -> x.code().equals(channel.strip()))
                .orElseThrow(() -> new InvalidFieldProblem(at + "channel", "unknown channel '" + clip(channel)
                        + "'; use one of " + Channel.codes()));
        if (kind == EventType.PURCHASE && c != Channel.IN_STORE && c != Channel.WEB && c != Channel.MOBILE_APP) {
            throw new InvalidFieldProblem(at + "channel", "a purchase happens in-store, web or mobile-app, not "
                    + c.code());
        }
        return c;
    }

    private List<CustomerEvent.Item> items(String at, EventType kind) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        if (kind != EventType.PURCHASE && kind != EventType.CART_ABANDONED) {
            throw new InvalidFieldProblem(at + "items", "items belong to purchase and cart-abandoned events only");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidFieldProblem(at + "items", "at most " + MAX_ITEMS + " items, got " + items.size());
        }
        List<CustomerEvent.Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String f = at + "items[" + i + "].";
            ItemPayload p = items.get(i);
            if (p == null) {
                throw new InvalidFieldProblem(at + "items[" + i + "]", "an item cannot be null");
            }
            if (!p.unknown.isEmpty()) {
                throw new InvalidFieldProblem(f + p.unknown.keySet().iterator().next(), "unknown field in an item; "
                        + "an item takes item, category, quantity and price");
            }
            String item = name(f + "item", required(f, "item", p.item));
            String category = p.category == null ? null : name(f + "category", p.category);
            int quantity = p.quantity == null ? 1 : p.quantity;
            if (quantity < 1 || quantity > 100_000) {
                throw new InvalidFieldProblem(f + "quantity", "quantity must be 1 to 100000, got " + quantity);
            }
            if (p.price != null && (p.price.signum() < 0 || p.price.scale() > 2)) {
                throw new InvalidFieldProblem(f + "price", "price must be 0 or more with at most 2 decimals, got "
                        + p.price.toPlainString());
            }
            out.add(new CustomerEvent.Item(item, category, quantity, p.price));
        }
        return out;
    }

    private BigDecimal amount(String at, EventType kind, List<CustomerEvent.Item> lines) {
        if (kind != EventType.PURCHASE && kind != EventType.CART_ABANDONED) {
            if (amount != null) {
                throw new InvalidFieldProblem(at + "amount", "amount belongs to purchase and cart-abandoned events");
            }
            return null;
        }
        if (amount == null) {
            if (kind == EventType.PURCHASE && lines.isEmpty()) {
                throw new InvalidFieldProblem(at + "amount", "a purchase needs an amount or items with prices");
            }
            return lines.stream().map(CustomerEvent.Item::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("9999999999")) > 0) {
            throw new InvalidFieldProblem(at + "amount", "amount must be 0 to 9999999999 with at most 2 decimals, "
                    + "got " + amount.toPlainString());
        }
        return amount.setScale(2);
    }

    private Map<String, String> texts(String at) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] values = {page, query, reason, storeId, orderId, decisionId, offerId, item, category};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.put(TEXT_FIELDS.get(i), text(at + TEXT_FIELDS.get(i), values[i]));
            }
        }
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                throw new InvalidFieldProblem(at + "attributes", "at most " + MAX_ATTRIBUTES + " attributes, got "
                        + attributes.size());
            }
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_-]{0,39}") || out.containsKey(e.getKey())
                        || e.getKey().equals("event")) {
                    throw new InvalidFieldProblem(at + "attributes", "attribute name '" + clip(e.getKey()) + "' must"
                            + " be letters, digits, '-' or '_' (up to 40, starting with a letter) and not a field name");
                }
                out.put(e.getKey(), text(at + "attributes." + e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private static String text(String field, String value) {
        if (value == null || value.length() > 500 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldProblem(field, "must be text of up to 500 characters without line breaks");
        }
        return value;
    }

    private static String id(String at, String field, String value) {
        String v = required(at, field, value);
        if (!ID.matcher(v).matches()) {
            throw new InvalidFieldProblem(at + field, field + " must be 1 to 100 letters, digits or . _ : @ / -");
        }
        return v;
    }

    private static String name(String field, String value) {
        if (!NAME.matcher(value).matches() || value.isBlank()) {
            throw new InvalidFieldProblem(field, "must be 1 to 100 characters without commas or line breaks");
        }
        return value.strip();
    }

    private static String required(String at, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldProblem(at + field, field + " is required");
        }
        return value;
    }

    private static String clip(String value) {
        return io.nbo.common.error.Values.clip(value, 40);
    }
}
