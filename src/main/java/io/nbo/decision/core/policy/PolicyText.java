package io.nbo.decision.core.policy;

import io.nbo.offer.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How policy explanations write durations, instants and channels, so every message reads the same. */
public final class PolicyText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private PolicyText() {
    }

    /** "7 days", "36 hours", "90 minutes", "1 day". */
    public static String duration(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toMinutes() % 60 == 0) {
            return plural(d.toHours(), "hour");
        }
        return plural(d.toMinutes(), "minute");
    }

    /** UTC, to the minute when the seconds are zero: "2026-11-20T08:00Z". */
    public static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).equals(at) ? MINUTES.format(at) : at.toString();
    }

    /** "SMS" for sms, otherwise the channel's code. */
    public static String channel(Channel channel) {
        return channel == Channel.SMS ? "SMS" : channel.code();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
