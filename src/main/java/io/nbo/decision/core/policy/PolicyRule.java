package io.nbo.decision.core.policy;

import io.nbo.offer.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the marketers' contact-policy table, validated.
 *
 * @param limit   cap: contacts allowed in the window; rest: how many events start the rest; volume: the stock or
 *                budget
 * @param window  cap: the sliding window; rest: the span the events must fall in (null = any time in the history)
 * @param outcome rest: the event type that counts
 * @param rest    rest: how long to rest after the events
 * @param hours   quiet-hours and send-window: the daily window in the customer's local time
 * @param cost    volume: units each offer made takes from the limit (1 for stock)
 * @param source  where the row is, for messages ("contact-policy.csv row 7")
 */
public record PolicyRule(String name, Kind kind, Selector channel, Selector offer, Selector group, BigDecimal limit,
                         Duration window, ContactEventType outcome, Duration rest, TimeWindow hours, BigDecimal cost,
                         String source) {

    /** What a row does. */
    public enum Kind {
        CONSENT("consent"), CAP("cap"), REST("rest"), QUIET_HOURS("quiet-hours"), SEND_WINDOW("send-window"),
        VOLUME("volume");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> fromCode(String code) {
            String wanted = code == null ? "" : code.strip().toLowerCase();
            return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
        }

        public static String codes() {
            return String.join(", ", Arrays.stream(values()).map(Kind::code).toList());
        }
    }

    public PolicyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        channel = channel == null ? Selector.ANY : channel;
        offer = offer == null ? Selector.ANY : offer;
        group = group == null ? Selector.ANY : group;
        cost = cost == null ? BigDecimal.ONE : cost;
    }

    /** Limit as a whole number of contacts or events. */
    public int count() {
        return limit == null ? 1 : limit.intValueExact();
    }
}
