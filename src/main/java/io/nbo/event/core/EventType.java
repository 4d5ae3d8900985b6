package io.nbo.event.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a customer did, as {@code POST /api/events} names it ({@code type}). */
public enum EventType {
    /** Bought items, in a store or online: feeds recency, frequency, spend, top categories and items. */
    PURCHASE("purchase"),
    PAGE_VIEW("page-view"),
    PRODUCT_VIEW("product-view"),
    CART_ABANDONED("cart-abandoned"),
    SEARCH("search"),
    SERVICE_CONTACT("service-contact"),
    /** Channel engagement: the customer opened or clicked something we sent on {@code channel}. */
    OPENED("opened"),
    CLICKED("clicked"),
    /** Unsubscribed from {@code channel}: withdraws the consent for it. */
    UNSUBSCRIBED("unsubscribed"),
    /** Gave or withdrew consent for {@code channel} ({@code granted}). */
    CONSENT_CHANGED("consent-changed");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A response to something we sent: counts towards the channel's responsiveness. */
    public boolean response() {
        return this == OPENED || this == CLICKED;
    }

    /** Must name a channel. */
    public boolean needsChannel() {
        return this == OPENED || this == CLICKED || this == UNSUBSCRIBED || this == CONSENT_CHANGED;
    }

    public static Optional<EventType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(EventType::code).collect(Collectors.joining(", "));
    }
}
