package io.nbo.contact.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Volume counters (stock, budget) per offer and policy rule. A claim is a single conditional UPDATE
 * ({@code used = used + cost where used + cost <= cap}): the database's row lock serialises racing claims and the
 * condition is re-checked on the locked row, so no interleaving can hand out more than the cap, on one node or many.
 */
@ApplicationScoped
public class VolumeRepository {

    private final DataSource dataSource;

    public VolumeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the counter or sets a new cap on it; what was used so far is kept. */
    public void ensureCap(String offerId, String rule, BigDecimal cap, Instant now) {
        int updated = update("update offer_volume set cap = ?, updated_at = ? where offer_id = ? and rule_name = ?",
                cap, now, offerId, rule);
        if (updated == 0) {
            try {
                update("insert into offer_volume (cap, updated_at, offer_id, rule_name, used) values (?, ?, ?, ?, 0)",
                        cap, now, offerId, rule);
            } catch (RuntimeException e) {
                if (!Jdbc.duplicate(e)) {
                    throw e;
                }
            }
        }
    }

    /** Takes {@code amount} if it fits under the cap; true if taken. */
    public boolean claim(String offerId, String rule, BigDecimal amount, Instant now) {
        return update("update offer_volume set used = used + ?, updated_at = ? where offer_id = ? and rule_name = ? "
                + "and used + ? <= cap", amount, now, offerId, rule, amount) == 1;
    }

    public void release(String offerId, String rule, BigDecimal amount, Instant now) {
        update("update offer_volume set used = greatest(used - ?, 0), updated_at = ? where offer_id = ? "
                + "and rule_name = ?", amount, now, offerId, rule);
    }

    /** Units left, or null when there is no counter. */
    public BigDecimal remaining(String offerId, String rule) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select cap - used from offer_volume where offer_id = ? and rule_name = ?")) {
                s.setString(1, offerId);
                s.setString(2, rule);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1).stripTrailingZeros() : null;
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading the volume of " + offerId, e);
            }
        });
    }

    private int update(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i] instanceof Instant at ? Jdbc.utc(at) : args[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                throw Jdbc.failure("updating offer volume", e);
            }
        });
    }
}
