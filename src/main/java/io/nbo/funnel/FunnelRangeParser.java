package io.nbo.funnel;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.funnel.FunnelRange.Bucket;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads a report's query parameters into a {@link FunnelRange}, refusing each bad one with a sentence that names the
 * parameter and says what it takes. Defaults: {@code to} today in the zone, {@code from} the {@code defaultDays} days
 * up to it, {@code zone} UTC, {@code bucket} day.
 */
public final class FunnelRangeParser {

    private final int defaultDays;
    private final int maxDays;

    public FunnelRangeParser(int defaultDays, int maxDays) {
        this.defaultDays = defaultDays;
        this.maxDays = maxDays;
    }

    public FunnelRange parse(String from, String to, String zone, String bucket, Instant now) {
        ZoneId zoneId = zone(zone);
        LocalDate today = now.atZone(zoneId).toLocalDate();
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(defaultDays - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidFieldProblem("from", "from (" + start + ") is after to (" + end + "); the range runs "
                    + "from its first day to its last, both included");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw new InvalidFieldProblem("to", "the range " + start + " to " + end + " covers " + days + " days; a "
                    + "report covers at most " + maxDays + " (nbo.funnel.max-days): ask for a shorter range");
        }
        return new FunnelRange(start, end, zoneId, bucket(bucket));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem(field, field + " takes a date as yyyy-MM-dd (2026-11-23), got "
                    + Values.quote(value));
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidFieldProblem("zone", "zone takes a time zone such as Europe/London or UTC, got "
                    + Values.quote(value));
        }
    }

    private static Bucket bucket(String value) {
        if (value == null || value.isBlank()) {
            return Bucket.DAY;
        }
        for (Bucket b : Bucket.values()) {
            if (b.code().equals(value.strip())) {
                return b;
            }
        }
        throw new InvalidFieldProblem("bucket", "bucket takes 'day' or 'week', got " + Values.quote(value));
    }
}
