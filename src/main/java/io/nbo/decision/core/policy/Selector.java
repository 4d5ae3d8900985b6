package io.nbo.decision.core.policy;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scope column of a policy row (channel, offer or offer group): blank means any, {@code *} means each one
 * separately (the candidate's own), a value means that one only, several values ({@code sms|push}) mean those
 * together. Values compare case-insensitively.
 *
 * @param value  the value as written ({@code sms|push}, {@code outbound}), for messages; null for ANY and EACH
 * @param values the values a ONE selector stands for, lower case
 */
public record Selector(Mode mode, String value, Set<String> values) {

    public enum Mode { ANY, EACH, ONE }

    public static final Selector ANY = new Selector(Mode.ANY, null, Set.of());
    public static final Selector EACH = new Selector(Mode.EACH, null, Set.of());

    public Selector {
        values = values.stream().map(v -> v.toLowerCase()).collect(Collectors.toUnmodifiableSet());
    }

    public static Selector one(String value) {
        return new Selector(Mode.ONE, Objects.requireNonNull(value, "value"), Set.of(value));
    }

    /** A selector written as {@code written} standing for several values together. */
    public static Selector of(String written, Set<String> values) {
        return new Selector(Mode.ONE, written, values);
    }

    /** Whether a row with this selector applies to a candidate with this value (its channel, id or group). */
    public boolean applies(String candidateValue) {
        return switch (mode) {
            case ANY -> true;
            case EACH -> candidateValue != null;
            case ONE -> candidateValue != null && values.contains(candidateValue.toLowerCase());
        };
    }

    /** Whether a history event with this value counts towards the row, for a candidate with that value. */
    public boolean counts(String eventValue, String candidateValue) {
        return switch (mode) {
            case ANY -> true;
            case EACH -> eventValue != null && eventValue.equalsIgnoreCase(String.valueOf(candidateValue));
            case ONE -> eventValue != null && values.contains(eventValue.toLowerCase());
        };
    }

    /** The selector as written in the table: blank, {@code *} or the value. */
    public String cell() {
        return switch (mode) {
            case ANY -> "";
            case EACH -> "*";
            case ONE -> value;
        };
    }
}
