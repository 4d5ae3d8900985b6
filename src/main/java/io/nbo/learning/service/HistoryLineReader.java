package io.nbo.learning.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one line of a history export into a {@link HistoryRow}, or says exactly what is wrong with it. CSV (with a
 * header naming the columns, in any order) or JSON lines (one object per line, the same names). Columns:
 * {@code customerId, offerId, channel, occurredAt, outcome} required; {@code amount} (required for a purchase) and
 * {@code segment} optional; snake_case names are accepted too. A streaming reader of its own, one line at a time:
 * the marketers' table reader loads a whole grid, which a million-row export must not.
 */
public final class HistoryLineReader {

    /** A line that cannot be imported, with why. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("customerid", "offerid", "channel", "occurredat", "outcome");

    private final boolean csv;
    private final Instant latest;
    private Map<String, Integer> columns;

    /** @param latest times after this are refused (the server's clock plus a little skew) */
    public HistoryLineReader(boolean csv, Instant latest) {
        this.csv = csv;
        this.latest = latest;
    }

    /** True when the line was the CSV header (read, nothing to import). */
    public boolean header(String line) throws Rejected {
        if (!csv || columns != null) {
            return false;
        }
        List<String> names = split(line);
        columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(normal(names.get(i)), i);
        }
        List<String> missing = REQUIRED.stream().filter(r -> !columns.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw new Rejected("the header must name the columns customerId, offerId, channel, occurredAt, outcome "
                    + "(amount and segment optional); missing " + missing + " in " + names);
        }
        return true;
    }

    public HistoryRow read(long number, String line) throws Rejected {
        Map<String, String> v = csv ? csvValues(line) : jsonValues(line);
        String customer = required(v, "customerid", "customerId", 64);
        String offer = required(v, "offerid", "offerId", 64);
        String channelCode = required(v, "channel", "channel", 32);
        Channel channel = Channel.fromCode(channelCode).orElseThrow(() -> new Rejected("channel '" + clip(channelCode)
                + "' is not one of " + Channel.codes()));
        String when = required(v, "occurredat", "occurredAt", 64);
        Instant at;
        try {
            at = OffsetDateTime.parse(when).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejected("occurredAt '" + clip(when) + "' is not an ISO-8601 time with offset, e.g. "
                    + "2026-03-01T09:30:00Z");
        }
        if (at.isAfter(latest)) {
            throw new Rejected("occurredAt " + at + " is in the future");
        }
        String outcomeCode = required(v, "outcome", "outcome", 16);
        ContactEventType outcome = ContactEventType.fromCode(outcomeCode).orElseThrow(() -> new Rejected(
                "outcome '" + clip(outcomeCode) + "' is not one of " + ContactEventType.codes()));
        BigDecimal amount = null;
        String amountText = v.get("amount");
        if (amountText != null && !amountText.isBlank()) {
            try {
                amount = new BigDecimal(amountText.strip());
            } catch (NumberFormatException e) {
                throw new Rejected("amount '" + clip(amountText) + "' is not a number");
            }
            if (amount.signum() < 0 || amount.compareTo(new BigDecimal("9999999999.99")) > 0 || amount.scale() > 2) {
                throw new Rejected("amount " + amountText.strip() + " must be 0 to 9,999,999,999.99 with at most 2 "
                        + "decimals");
            }
        }
        if (outcome == ContactEventType.PURCHASED && amount == null) {
            throw new Rejected("a purchased outcome needs its amount");
        }
        String segment = v.get("segment");
        segment = segment == null || segment.isBlank() ? null : segment.strip();
        if (segment != null && (segment.length() > 64 || segment.chars().anyMatch(c -> c < 0x20))) {
            throw new Rejected("segment must be at most 64 characters, without control characters");
        }
        return new HistoryRow(number, customer, offer, channel.code(), at, outcome.name(), amount, segment);
    }

    private Map<String, String> csvValues(String line) throws Rejected {
        if (columns == null) {
            throw new Rejected("a CSV export starts with its header line");
        }
        List<String> cells = split(line);
        Map<String, String> v = new HashMap<>();
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            if (c.getValue() < cells.size()) {
                v.put(c.getKey(), cells.get(c.getValue()));
            }
        }
        return v;
    }

    private static Map<String, String> jsonValues(String line) throws Rejected {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            throw new Rejected("not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new Rejected("not a JSON object");
        }
        Map<String, String> v = new HashMap<>();
        node.fields().forEachRemaining(f -> v.put(normal(f.getKey()),
                f.getValue().isNull() ? null : f.getValue().asText()));
        return v;
    }

    private static String required(Map<String, String> v, String key, String name, int max) throws Rejected {
        String value = v.get(key);
        if (value == null || value.isBlank()) {
            throw new Rejected(name + " is missing");
        }
        value = value.strip();
        if (value.length() > max) {
            throw new Rejected(name + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20)) {
            throw new Rejected(name + " holds a control character");
        }
        return value;
    }

    private static String normal(String name) {
        return name.strip().replace("_", "").replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    /** One CSV line into cells: commas, double quotes around a cell, "" for a quote inside one. */
    static List<String> split(String line) throws Rejected {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new Rejected("a quoted cell is not closed on its line (line breaks inside cells are not "
                    + "supported)");
        }
        cells.add(cell.toString());
        return cells;
    }
}
