package io.nbo.outbox.persistence;

import io.nbo.outbox.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The outbox table (V41), with plain statements; inside the caller's transaction when there is one. */
@ApplicationScoped
public class OutboxRepository {

    private static final String COLUMNS = "id, idempotency_key, customer_id, event_id, trigger_rule, offer_id, channel, "
            + "decision_id, status, reason, created_at, deliver_after, expires_at, attempts, delivered_at, delivered_by";
    private static final String DUE = " where status = 'pending' and deliver_after <= ? and expires_at > ?";

    private final DataSource dataSource;

    public OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<OutboxEntry> byKey(String key) {
        List<OutboxEntry> found = select("select " + COLUMNS + " from offer_outbox where idempotency_key = ?",
                s -> s.setString(1, key));
        return found.stream().findFirst();
    }

    public Optional<OutboxEntry> byId(long id) {
        return select("select " + COLUMNS + " from offer_outbox where id = ?", s -> s.setLong(1, id)).stream()
                .findFirst();
    }

    /** Inserts a firing; returns its id. */
    public long insert(OutboxEntry e) {
        String sql = "insert into offer_outbox (idempotency_key, customer_id, event_id, trigger_rule, offer_id, "
                + "channel, decision_id, status, reason, created_at, deliver_after, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, e.idempotencyKey());
            s.setString(2, e.customerId());
            s.setString(3, e.eventId());
            s.setString(4, e.trigger());
            s.setString(5, e.offerId());
            s.setString(6, e.channel());
            s.setString(7, e.decisionId());
            s.setString(8, e.status());
            s.setString(9, e.reason());
            s.setObject(10, utc(e.createdAt()));
            s.setObject(11, utc(e.deliverAfter()));
            s.setObject(12, utc(e.expiresAt()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException ex) {
            throw failure(ex);
        }
    }

    /** Pending entries deliverable now, with an id above {@code after}, oldest first. */
    public List<OutboxEntry> deliverable(long after, int limit, Instant now) {
        return select("select " + COLUMNS + " from offer_outbox" + DUE + " and id > ? order by id", s -> {
            s.setObject(1, utc(now));
            s.setObject(2, utc(now));
            s.setLong(3, after);
            s.setMaxRows(limit);
        });
    }

    /** Pending entries due for a webhook attempt now (first attempt, or the back-off has passed). */
    public List<OutboxEntry> dueForWebhook(int limit, Instant now) {
        return select("select " + COLUMNS + " from offer_outbox" + DUE
                + " and (next_attempt_at is null or next_attempt_at <= ?) order by id", s -> {
                    s.setObject(1, utc(now));
                    s.setObject(2, utc(now));
                    s.setObject(3, utc(now));
                    s.setMaxRows(limit);
                });
    }

    public List<OutboxEntry> forCustomer(String customerId) {
        return select("select " + COLUMNS + " from offer_outbox where customer_id = ? order by id desc",
                s -> s.setString(1, customerId));
    }

    /**
     * Claims a due entry for one webhook attempt until {@code until} (no other node or tick sends it meanwhile);
     * false when someone else has it or it is no longer pending.
     */
    public boolean claim(long id, Instant until, Instant now) {
        return update("update offer_outbox set next_attempt_at = ? where id = ? and status = 'pending' "
                + "and (next_attempt_at is null or next_attempt_at <= ?)", s -> {
                    s.setObject(1, utc(until));
                    s.setLong(2, id);
                    s.setObject(3, utc(now));
                }) == 1;
    }

    /** Marks a pending entry delivered; false when it was not pending (delivered already, expired, ...). */
    public boolean delivered(long id, String by, Instant at) {
        return update("update offer_outbox set status = 'delivered', delivered_at = ?, delivered_by = ? "
                + "where id = ? and status = 'pending'", s -> {
                    s.setObject(1, utc(at));
                    s.setString(2, by);
                    s.setLong(3, id);
                }) == 1;
    }

    /** Records a failed webhook attempt: the next one not before {@code next}; {@code giveUp} marks it failed. */
    public void attemptFailed(long id, int attempts, Instant next, String error, boolean giveUp) {
        update("update offer_outbox set attempts = ?, next_attempt_at = ?, last_error = ?, status = ? "
                + "where id = ? and status = 'pending'", s -> {
                    s.setInt(1, attempts);
                    s.setObject(2, utc(next));
                    s.setString(3, error.length() > 500 ? error.substring(0, 500) : error);
                    s.setString(4, giveUp ? "failed" : "pending");
                    s.setLong(5, id);
                });
    }

    /** Pending entries whose time ran out become expired; returns how many. */
    public int expire(Instant now) {
        return update("update offer_outbox set status = 'expired' where status = 'pending' and expires_at <= ?",
                s -> s.setObject(1, utc(now)));
    }

    public int deleteFor(String customerId) {
        return update("delete from offer_outbox where customer_id = ?", s -> s.setString(1, customerId));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException ex) {
            throw failure(ex);
        }
    }

    private List<OutboxEntry> select(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<OutboxEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"),
                            rs.getString("customer_id"), rs.getString("event_id"), rs.getString("trigger_rule"),
                            rs.getString("offer_id"), rs.getString("channel"), rs.getString("decision_id"),
                            rs.getString("status"), rs.getString("reason"), instant(rs, "created_at"),
                            instant(rs, "deliver_after"), instant(rs, "expires_at"), rs.getInt("attempts"),
                            instant(rs, "delivered_at"), rs.getString("delivered_by")));
                }
                return out;
            }
        } catch (SQLException ex) {
            throw failure(ex);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("outbox: a statement failed (SQLState " + e.getSQLState() + ")", e);
    }
}
