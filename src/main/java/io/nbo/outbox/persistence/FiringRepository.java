package io.nbo.outbox.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What each trigger firing decided ({@code trigger_firing}, V71), written in transactions of its own, never the
 * event's: a claim before deciding and the decision after it. The decision is logged outside the event's
 * transaction too (journal, contact history), so when that transaction fails and the event is sent again, the firing
 * finds its decision here and reuses it rather than deciding a second time.
 */
@ApplicationScoped
public class FiringRepository {

    /** A firing as recorded; {@code decisionId} null: claimed, never settled (the attempt was interrupted). */
    public record Firing(String key, String decisionId, String status, String channel, String reason) {
    }

    private final DataSource dataSource;

    public FiringRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Firing> find(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select decision_id, status, channel, reason from trigger_firing where firing_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Firing(key, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4))) : Optional.empty();
                }
            }
        });
    }

    /** Records that the firing is about to be decided, committed at once. */
    public void claim(String key, String customerId, String eventId, Instant at) {
        run("insert into trigger_firing (firing_key, customer_id, event_id, claimed_at) values (?, ?, ?, ?)", s -> {
            s.setString(1, key);
            s.setString(2, customerId);
            s.setString(3, eventId);
            s.setObject(4, at.atOffset(ZoneOffset.UTC));
        });
    }

    /** Records the decision the firing made, committed at once. */
    public void settle(String key, String decisionId, String status, String channel, String reason) {
        run("update trigger_firing set decision_id = ?, status = ?, channel = ?, reason = ? where firing_key = ?",
                s -> {
                    s.setString(1, decisionId);
                    s.setString(2, status);
                    s.setString(3, channel);
                    s.setString(4, reason);
                    s.setString(5, key);
                });
    }

    /** Deletes the customer's firings (erasure, in the caller's transaction); returns how many. */
    public int deleteFor(String customerId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from trigger_firing where customer_id = ?")) {
            s.setString(1, customerId);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting trigger firings failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void run(String sql, Binder binder) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("recording a trigger firing failed (SQLState " + e.getSQLState()
                        + ")", e);
            }
        });
    }
}
