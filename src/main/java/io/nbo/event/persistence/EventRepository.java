package io.nbo.event.persistence;

import io.nbo.event.core.CustomerEvent;
import io.nbo.event.core.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The stored events ({@code customer_event}, V40), in the caller's transaction. An event id is stored once: a second
 * arrival is a duplicate and changes nothing. Each customer's events are applied under a lock on the customer's row,
 * so two events of one customer never interleave their aggregate updates.
 */
@ApplicationScoped
public class EventRepository {

    /** An event as stored: the checked event's JSON and when we received it. */
    public record StoredEvent(String eventId, String customerId, EventType type, Instant occurredAt,
                              Instant receivedAt, String channel, java.math.BigDecimal amount, String body) {
    }

    private final Sql sql;

    public EventRepository(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Locks the customer's row until the transaction ends; false when there is no such customer. */
    public boolean lockCustomer(String customerId) {
        return sql.query("select id from customer where id = ? for update", s -> s.setString(1, customerId),
                rs -> rs.next());
    }

    /**
     * Locks many customers' rows until the transaction ends, in id order (the order every writer uses, so two
     * writers never wait for each other in a circle); returns the ids that exist.
     */
    public java.util.Set<String> lockCustomers(java.util.SortedSet<String> customerIds) {
        if (customerIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> ids = List.copyOf(customerIds);
        return sql.query("select id from customer where id in (" + Sql.marks(ids.size()) + ") order by id for update",
                Sql.ids(ids), rs -> {
                    java.util.Set<String> out = new java.util.HashSet<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                });
    }

    /** The customer an event id was stored for, if it was. */
    public Optional<String> storedFor(String eventId) {
        return sql.query("select customer_id from customer_event where event_id = ?", s -> s.setString(1, eventId),
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty());
    }

    public void insert(CustomerEvent event, String body, Instant receivedAt) {
        sql.update("insert into customer_event (event_id, customer_id, event_type, occurred_at, received_at, channel,"
                + " amount, body) values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, event.eventId());
                    s.setString(2, event.customerId());
                    s.setString(3, event.type().code());
                    s.setObject(4, Sql.utc(event.occurredAt()));
                    s.setObject(5, Sql.utc(receivedAt));
                    if (event.channel() == null) {
                        s.setNull(6, Types.VARCHAR);
                    } else {
                        s.setString(6, event.channel().code());
                    }
                    s.setBigDecimal(7, event.amount());
                    s.setString(8, body);
                });
    }

    /** A customer's newest events by their own time, newest first. */
    public List<StoredEvent> recent(String customerId, int limit) {
        return sql.query("select event_id, customer_id, event_type, occurred_at, received_at, channel, amount, body "
                + "from customer_event where customer_id = ? order by occurred_at desc, event_id desc", s -> {
                    s.setString(1, customerId);
                    s.setMaxRows(limit);
                }, rs -> {
                    List<StoredEvent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new StoredEvent(rs.getString(1), rs.getString(2),
                                EventType.fromCode(rs.getString(3)).orElseThrow(), Sql.instant(rs, "occurred_at"),
                                Sql.instant(rs, "received_at"), rs.getString(6), rs.getBigDecimal(7),
                                rs.getString(8)));
                    }
                    return out;
                });
    }

    /** A customer's purchases that happened from {@code from} to {@code to} (both included), in the caller's transaction. */
    public List<StoredEvent> purchasesBetween(String customerId, Instant from, Instant to) {
        return sql.query("select event_id, customer_id, event_type, occurred_at, received_at, channel, amount, body "
                + "from customer_event where customer_id = ? and event_type = 'purchase' and occurred_at >= ? "
                + "and occurred_at <= ?", s -> {
                    s.setString(1, customerId);
                    s.setObject(2, Sql.utc(from));
                    s.setObject(3, Sql.utc(to));
                }, rs -> {
                    List<StoredEvent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new StoredEvent(rs.getString(1), rs.getString(2), EventType.PURCHASE,
                                Sql.instant(rs, "occurred_at"), Sql.instant(rs, "received_at"), rs.getString(6),
                                rs.getBigDecimal(7), rs.getString(8)));
                    }
                    return out;
                });
    }

    /** Deletes every event of the customer (erasure); returns how many. */
    public int deleteFor(String customerId) {
        return sql.update("delete from customer_event where customer_id = ?", s -> s.setString(1, customerId));
    }

    /** Deletes events that happened before the cut-off (retention); returns how many. */
    public int deleteBefore(Instant cutoff) {
        return sql.update("delete from customer_event where occurred_at < ?", s -> s.setObject(1, Sql.utc(cutoff)));
    }
}
