package io.nbo.event.persistence;

import io.nbo.event.core.AggregateState;
import io.nbo.event.core.AggregateState.Tally;
import io.nbo.event.core.CustomerEvent;
import io.nbo.offer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The per-customer aggregate state (V40): additive counters and first/last instants, changed by each new event in the
 * caller's transaction under the customer's row lock, and read back whole ({@link AggregateState}).
 */
@ApplicationScoped
public class AggregateRepository {

    private final Sql sql;
    private final BaselineRepository baselines;

    public AggregateRepository(DataSource dataSource, BaselineRepository baselines) {
        this.sql = new Sql(dataSource);
        this.baselines = baselines;
    }

    /**
     * Adds one new event to the customer's counters. A purchase that happened before the customer's baseline was
     * taken counts as activity only: the baseline's figures hold it already.
     */
    public void apply(CustomerEvent event) {
        String id = event.customerId();
        Instant at = event.occurredAt();
        boolean purchase = event.type() == io.nbo.event.core.EventType.PURCHASE;
        int updated = sql.update("update customer_activity set events = events + 1, last_event_at = case when "
                + "last_event_at < ? then ? else last_event_at end where customer_id = ?", s -> {
                    s.setObject(1, Sql.utc(at));
                    s.setObject(2, Sql.utc(at));
                    s.setString(3, id);
                });
        if (updated == 0) {
            sql.update("insert into customer_activity (last_event_at, events, customer_id) values (?, 1, ?)", s -> {
                s.setObject(1, Sql.utc(at));
                s.setString(2, id);
            });
        }
        if (purchase && baselines.of(id).map(b -> !b.covers(at)).orElse(true)) {
            purchase(event);
        }
        if (event.type().response() && event.channel() != null) {
            sql.upsert("update customer_channel_stat set responses = responses + 1 where customer_id = ? and channel = ?",
                    "insert into customer_channel_stat (responses, customer_id, channel) values (1, ?, ?)", s -> {
                        s.setString(1, id);
                        s.setString(2, event.channel().code());
                    });
        }
    }

    private void purchase(CustomerEvent event) {
        String id = event.customerId();
        Date month = Date.valueOf(YearMonth.from(event.occurredAt().atZone(ZoneOffset.UTC)).atDay(1));
        sql.upsert("update customer_purchase_month set purchases = purchases + 1, amount = amount + ? "
                        + "where customer_id = ? and month_start = ?",
                "insert into customer_purchase_month (purchases, amount, customer_id, month_start) values (1, ?, ?, ?)",
                s -> {
                    s.setBigDecimal(1, event.amount());
                    s.setString(2, id);
                    s.setDate(3, month);
                });
        sql.update("update customer_activity set first_purchase_at = case when first_purchase_at is null or "
                + "first_purchase_at > ? then ? else first_purchase_at end, last_purchase_at = case when "
                + "last_purchase_at is null or last_purchase_at < ? then ? else last_purchase_at end "
                + "where customer_id = ?", s -> {
                    for (int i = 1; i <= 4; i++) {
                        s.setObject(i, Sql.utc(event.occurredAt()));
                    }
                    s.setString(5, id);
                });
        for (CustomerEvent.Item item : event.items()) {
            stat(id, "item", item.item(), item.quantity(), item.total());
            if (item.category() != null) {
                stat(id, "category", item.category(), item.quantity(), item.total());
            }
        }
    }

    private void stat(String customerId, String kind, String name, int quantity, BigDecimal amount) {
        sql.upsert("update customer_item_stat set quantity = quantity + ?, amount = amount + ? "
                        + "where customer_id = ? and kind = ? and name = ?",
                "insert into customer_item_stat (quantity, amount, customer_id, kind, name) values (?, ?, ?, ?, ?)",
                s -> {
                    s.setInt(1, quantity);
                    s.setBigDecimal(2, amount);
                    s.setString(3, customerId);
                    s.setString(4, kind);
                    s.setString(5, name);
                });
    }

    /** The customer's whole aggregate state (empty when no event was applied). */
    public AggregateState load(String customerId) {
        TreeMap<YearMonth, Tally> months = sql.query("select month_start, purchases, amount from "
                + "customer_purchase_month where customer_id = ?", s -> s.setString(1, customerId), rs -> {
                    TreeMap<YearMonth, Tally> out = new TreeMap<>();
                    while (rs.next()) {
                        out.put(YearMonth.from(rs.getDate(1).toLocalDate()), new Tally(rs.getInt(2), rs.getBigDecimal(3)));
                    }
                    return out;
                });
        Map<String, Tally> categories = new HashMap<>();
        Map<String, Tally> items = new HashMap<>();
        sql.query("select kind, name, quantity, amount from customer_item_stat where customer_id = ?",
                s -> s.setString(1, customerId), rs -> {
                    while (rs.next()) {
                        ("category".equals(rs.getString(1)) ? categories : items).put(rs.getString(2),
                                new Tally(rs.getInt(3), rs.getBigDecimal(4)));
                    }
                    return null;
                });
        Map<Channel, Integer> responses = sql.query("select channel, responses from customer_channel_stat "
                + "where customer_id = ?", s -> s.setString(1, customerId), rs -> {
                    Map<Channel, Integer> out = new EnumMap<>(Channel.class);
                    while (rs.next()) {
                        Optional<Channel> channel = Channel.fromCode(rs.getString(1));
                        if (channel.isPresent()) {
                            out.put(channel.get(), rs.getInt(2));
                        }
                    }
                    return out;
                });
        Instant[] purchases = sql.query("select first_purchase_at, last_purchase_at from customer_activity "
                + "where customer_id = ?", s -> s.setString(1, customerId), rs -> rs.next()
                ? new Instant[] {Sql.instant(rs, "first_purchase_at"), Sql.instant(rs, "last_purchase_at")}
                : new Instant[2]);
        return new AggregateState(months, categories, items, responses, purchases[0], purchases[1],
                baselines.of(customerId).orElse(null));
    }

    /**
     * Records a consent change if it is newer than the last one seen for the channel (by the events' own times;
     * on a tie a withdrawal wins). True when it is the newest, so the profile's consent follows it.
     */
    public boolean consent(String customerId, Channel channel, boolean granted, Instant at, String eventId) {
        Optional<Object[]> last = sql.query("select granted, changed_at from customer_consent_change "
                + "where customer_id = ? and channel = ?", s -> {
                    s.setString(1, customerId);
                    s.setString(2, channel.code());
                }, rs -> rs.next() ? Optional.of(new Object[] {rs.getBoolean(1), Sql.instant(rs, "changed_at")})
                : Optional.empty());
        if (last.isPresent()) {
            Instant before = (Instant) last.get()[1];
            boolean newer = at.isAfter(before) || at.equals(before) && !granted && (Boolean) last.get()[0];
            if (!newer) {
                return false;
            }
        }
        sql.upsert("update customer_consent_change set granted = ?, changed_at = ?, event_id = ? "
                        + "where customer_id = ? and channel = ?",
                "insert into customer_consent_change (granted, changed_at, event_id, customer_id, channel) "
                        + "values (?, ?, ?, ?, ?)", s -> {
                    s.setBoolean(1, granted);
                    s.setObject(2, Sql.utc(at));
                    s.setString(3, eventId);
                    s.setString(4, customerId);
                    s.setString(5, channel.code());
                });
        return true;
    }

    /** Customers who ever bought (by events or by their baseline) and sent an event, by id, after {@code after}: a page for the nightly refresh. */
    public java.util.List<String> buyersAfter(String after, int limit) {
        return sql.query("select a.customer_id from customer_activity a left join customer_baseline b on "
                + "b.customer_id = a.customer_id where (a.last_purchase_at is not null or b.recency_days is not null) "
                + "and a.customer_id > ? order by a.customer_id", s -> {
                    s.setString(1, after);
                    s.setMaxRows(limit);
                }, rs -> {
                    java.util.List<String> out = new java.util.ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                });
    }

    /** Deletes every aggregate row of the customer (erasure); returns how many rows. */
    public int deleteFor(String customerId) {
        int n = 0;
        for (String table : new String[] {"customer_purchase_month", "customer_item_stat", "customer_channel_stat",
                "customer_activity", "customer_consent_change", "customer_segment", "customer_baseline"}) {
            n += sql.update("delete from " + table + " where customer_id = ?", s -> s.setString(1, customerId));
        }
        return n;
    }
}
