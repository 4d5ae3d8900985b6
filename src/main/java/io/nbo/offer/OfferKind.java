package io.nbo.offer;

import java.util.Arrays;
import java.util.Optional;

/** What kind of incentive an offer is. */
public enum OfferKind {
    DISCOUNT, COUPON, BUNDLE, LOYALTY_POINTS, INFORMATIONAL, SERVICE;

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<OfferKind> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase().replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(OfferKind::code).toList());
    }
}
