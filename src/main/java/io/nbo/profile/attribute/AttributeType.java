package io.nbo.profile.attribute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a declared custom attribute: what its values may be, their one canonical text form (how they are
 * stored and cached) and their JSON form (how they are answered). Plain Java.
 */
public enum AttributeType {
    /** A number, e.g. income 52000 or 52000.50. */
    NUMBER("number", "a number such as 52000 or 1250.50"),
    /** Free text up to 200 characters, e.g. a store name. */
    TEXT("text", "text of at most 200 characters"),
    /** A calendar date as yyyy-MM-dd, e.g. a membership date; tables read it as days since. */
    DATE("date", "a date as yyyy-MM-dd such as 2019-04-01"),
    /** Yes or no. */
    YES_NO("yes-no", "yes or no (true or false)"),
    /** One of the values the declaration lists, e.g. a loyalty tier. */
    CHOICE("choice", "one of the declared values");

    public static final int MAX_TEXT = 200;
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

    private final String code;
    private final String expected;

    AttributeType(String code, String expected) {
        this.code = code;
        this.expected = expected;
    }

    public String code() {
        return code;
    }

    /** What a value must look like, in words, for a problem message. */
    public String expected() {
        return expected;
    }

    public static Optional<AttributeType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(AttributeType::code).toList();
    }

    /**
     * The canonical text of {@code raw} (already trimmed), or null when it is not a value of this type.
     *
     * @param allowed the declared values of a CHOICE attribute (ignored otherwise)
     */
    public String canonical(String raw, List<String> allowed) {
        switch (this) {
            case NUMBER -> {
                if (!raw.matches("-?\\d{1,16}(\\.\\d{1,6})?")) {
                    return null;
                }
                BigDecimal n = new BigDecimal(raw);
                return n.abs().compareTo(MAX_NUMBER) >= 0 ? null : n.stripTrailingZeros().toPlainString();
            }
            case DATE -> {
                try {
                    return raw.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(raw).toString() : null;
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            case YES_NO -> {
                return switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y" -> "true";
                    case "false", "no", "n" -> "false";
                    default -> null;
                };
            }
            case CHOICE -> {
                return allowed.contains(raw) ? raw : null;
            }
            default -> {
                return raw.length() > MAX_TEXT || raw.chars().anyMatch(Character::isISOControl) ? null : raw;
            }
        }
    }

    /** The JSON value of a canonical text: a number, true/false, or the text. */
    public Object json(String canonical) {
        return switch (this) {
            case NUMBER -> new BigDecimal(canonical);
            case YES_NO -> Boolean.valueOf(canonical);
            default -> canonical;
        };
    }
}
