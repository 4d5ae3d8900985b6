package io.nbo.contact.policy;

import io.nbo.common.error.Values;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.decision.core.policy.PolicyRule.Kind;
import io.nbo.decision.core.policy.Selector;
import io.nbo.offer.Channel;
import io.nbo.offer.TimeWindow;
import io.nbo.rules.compile.RuleProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells of one policy row, each parsed against its column; problems are collected located as for decision tables
 * (file, sheet, cell, row), the message naming the column.
 */
final class Cells {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration LONGEST = Duration.ofDays(366);

    private final PolicyRow row;
    private final List<RuleProblem> problems;

    Cells(PolicyRow row, List<RuleProblem> problems) {
        this.row = row;
        this.problems = problems;
    }

    String where() {
        return row.where();
    }

    int problems() {
        return problems.size();
    }

    void problem(String column, String message) {
        problems.add(RuleProblem.error(row.file(), row.sheet(), row.ref(column), row.row() + 1, message));
    }

    String raw(String column) {
        return row.cell(column);
    }

    String required(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            problem(column, column + " is required");
            return null;
        }
        return value;
    }

    Kind kind() {
        String value = raw("Type");
        Kind kind = Kind.fromCode(value).orElse(null);
        if (kind == null) {
            problem("Type", "Type must be one of " + Kind.codes() + ", got '" + Values.clip(value, 40) + "'");
        }
        return kind;
    }

    /**
     * Blank (all channels), {@code *} (each channel), a channel, several joined by {@code |}, or the groups
     * {@code outbound} (email, sms, push, social) and {@code inbound} (web, mobile-app, call-centre, in-store).
     */
    Selector channel() {
        String value = raw("Channel");
        if (value.isEmpty() || value.equals("*")) {
            return value.isEmpty() ? Selector.ANY : Selector.EACH;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : value.split("\\|")) {
            String word = part.strip().toLowerCase();
            if (word.equals("outbound") || word.equals("inbound")) {
                boolean outbound = word.equals("outbound");
                for (Channel channel : Channel.values()) {
                    if (channel.outbound() == outbound) {
                        codes.add(channel.code());
                    }
                }
                continue;
            }
            Channel channel = Channel.fromCode(word).orElse(null);
            if (channel == null) {
                problem("Channel", "Channel must be blank (all channels), * (each channel), outbound, inbound or "
                        + "channels joined by | from " + Channel.codes() + ", got '"
                        + Values.clip(part.strip(), 40) + "'");
                return Selector.ANY;
            }
            codes.add(channel.code());
        }
        return Selector.of(value.toLowerCase(), codes);
    }

    /** Blank (any), {@code *} (each one separately), an id, or several ids joined by {@code |}. */
    Selector selector(String column) {
        String value = raw(column);
        if (value.isEmpty() || value.equals("*")) {
            return value.isEmpty() ? Selector.ANY : Selector.EACH;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : value.split("\\|")) {
            if (!ID.matcher(part.strip()).matches()) {
                problem(column, column + " must be blank (any), * (each one) or ids of letters, digits, '.', '_' or "
                        + "'-' (at most 64) joined by |, got '" + Values.clip(part.strip(), 40) + "'");
                return Selector.ANY;
            }
            ids.add(part.strip());
        }
        return Selector.of(value, ids);
    }

    BigDecimal count(boolean required, int min) {
        String value = raw("Limit");
        if (value.isEmpty()) {
            if (required) {
                problem("Limit", "Limit is required: a whole number of contacts, e.g. 2");
            }
            return required ? null : BigDecimal.ONE;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > 10_000) {
                problem("Limit", "Limit must be a whole number from " + min + " to 10000, got " + n);
            }
            return BigDecimal.valueOf(n);
        } catch (NumberFormatException e) {
            problem("Limit", "Limit must be a whole number, e.g. 2, got '" + Values.clip(value, 40) + "'");
            return null;
        }
    }

    BigDecimal amount(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, column + " is required: a positive number, e.g. 500");
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
                problem(column, column + " must be a positive number with at most 2 decimals and 12 digits, got "
                        + Values.clip(value, 40));
            }
            return amount;
        } catch (NumberFormatException e) {
            problem(column, column + " must be a number, e.g. 500 or 2.50, got '" + Values.clip(value, 40) + "'");
            return null;
        }
    }

    Duration duration(String column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, column + " is required: a duration such as 90m, 24h, 7d or 2w");
            }
            return null;
        }
        Duration d = Durations.parse(value);
        if (d == null) {
            problem(column, column + " must be a number followed by m, h, d or w (90m, 24h, 7d, 2w), got '"
                    + Values.clip(value, 40) + "'");
            return null;
        }
        if (d.isZero() || d.compareTo(LONGEST) > 0) {
            problem(column, column + " must be more than zero and at most 366 days, got " + value);
            return null;
        }
        return d;
    }

    ContactEventType outcome() {
        String value = raw("Outcome");
        ContactEventType type = ContactEventType.fromCode(value).orElse(null);
        if (type == null) {
            problem("Outcome", "Outcome must be one of " + ContactEventType.codes() + ", got '"
                    + Values.clip(value, 40) + "'");
        }
        return type;
    }

    TimeWindow hours() {
        LocalTime from = time("From");
        LocalTime until = time("Until");
        if (from == null || until == null) {
            return null;
        }
        if (from.equals(until)) {
            problem("Until", "From and Until must differ, both are " + from);
            return null;
        }
        return new TimeWindow(from, until);
    }

    private LocalTime time(String column) {
        String value = raw(column);
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            problem(column, column + " must be a local time HH:mm (24-hour), got '" + Values.clip(value, 40) + "'");
            return null;
        }
    }
}
