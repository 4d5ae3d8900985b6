package io.nbo.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The server's clock in tests: pinned (Monday 2026-11-23 12:00 UTC unless a test moves it). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

    private volatile Instant now = MONDAY_NOON;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = MONDAY_NOON;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
