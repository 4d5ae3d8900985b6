package io.nbo.decision.core.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happened to an offer made to a customer. {@code OFFERED} is written by the decision itself (the decision is the
 * instruction to show or send it); the others are outcomes reported through the outcomes API.
 */
public enum ContactEventType {
    OFFERED, SENT, DELIVERED, OPENED, CLICKED, ACCEPTED, REJECTED, PURCHASED;

    public String code() {
        return name().toLowerCase();
    }

    /** True for the types a caller may report as an outcome (all but {@code offered}). */
    public boolean outcome() {
        return this != OFFERED;
    }

    public static Optional<ContactEventType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase();
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** The outcome codes, comma separated, for error messages. */
    public static String outcomeCodes() {
        return String.join(", ", Arrays.stream(values()).filter(ContactEventType::outcome)
                .map(ContactEventType::code).toList());
    }

    /** Every code, comma separated. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ContactEventType::code).toList());
    }
}
