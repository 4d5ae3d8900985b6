package io.nbo.rules.vocabulary;

import io.nbo.decision.core.Situation;
import java.time.LocalTime;
import java.util.Map;

/** Where and when the decision is asked, as a decision table sees it. Part of the documented fact vocabulary. */
public final class Context {

    private final String touchpoint;
    private final LocalTime localTime;
    private final String dayOfWeek;
    private final Map<String, String> params;

    public Context(Situation situation) {
        this.touchpoint = situation.touchpoint().code();
        this.localTime = situation.localTime();
        this.dayOfWeek = situation.localDate().getDayOfWeek().name().toLowerCase();
        this.params = situation.context();
    }

    /** web, mobile-app, email, sms, push, call-centre, social, in-store. */
    public String getTouchpoint() { return touchpoint; }

    public String getPage() { return params.get("page"); }

    public String getIntent() { return params.get("intent"); }

    public String getDevice() { return params.get("device"); }

    /**
     * The type of the event being handled (purchase, cart-abandoned, page-view, ...: {@code POST /api/events}); null
     * when the decision was asked for, not caused by an event. Trigger tables test it.
     */
    public String getEvent() { return params.get("event"); }

    /** monday ... sunday, in the customer's local date. */
    public String getDayOfWeek() { return dayOfWeek; }

    /** Hour of day 0..23 in the customer's local time. */
    public int getHour() { return localTime.getHour(); }

    /** Any other context value the caller sent, or null. */
    public String param(String key) { return params.get(key); }

    /** True when the customer's local time is in [from, to), times as HH:mm; a window may run over midnight. */
    public boolean timeBetween(String from, String to) {
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        if (start.isBefore(end)) {
            return !localTime.isBefore(start) && localTime.isBefore(end);
        }
        return !localTime.isBefore(start) || localTime.isBefore(end);
    }

    @Override
    public String toString() { return "Context " + touchpoint + " " + localTime; }
}
