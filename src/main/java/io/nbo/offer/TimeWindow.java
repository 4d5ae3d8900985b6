package io.nbo.offer;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window in the customer's local time, start inclusive, end exclusive. A window whose end is before its
 * start runs over midnight (22:00-02:00).
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a time window needs different start and end, got " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
