package io.nbo.funnel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a funnel report covers, {@code from} to {@code to} inclusive, as local dates in {@code zone}, cut into
 * buckets of a day or an ISO week (Monday to Sunday; the first and last week are clipped to the range). Plain Java:
 * built only by {@link FunnelRangeParser}, which has already refused what does not make sense.
 */
public record FunnelRange(LocalDate from, LocalDate to, ZoneId zone, Bucket bucket) {

    /** How the range is cut. */
    public enum Bucket {
        DAY, WEEK;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** The first instant of the range. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The first day of each bucket, in order; the last bucket ends with {@link #to()}. */
    public List<LocalDate> bucketStarts() {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            starts.add(day);
            day = bucket == Bucket.DAY ? day.plusDays(1)
                    : day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        return starts;
    }

    /** The index in {@link #bucketStarts()} of the bucket holding {@code day}, which lies in the range. */
    public int bucketOf(LocalDate day) {
        if (bucket == Bucket.DAY) {
            return (int) (day.toEpochDay() - from.toEpochDay());
        }
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return (int) ((monday.toEpochDay() - firstMonday.toEpochDay()) / 7);
    }
}
