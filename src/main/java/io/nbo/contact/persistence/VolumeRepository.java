package io.nbo.contact.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Volume counters (stock, budget) per offer and policy rule, table {@code offer_volume}, by plain JDBC on auto-commit
 * connections (each statement is its own transaction; no JTA). A reservation is a single conditional UPDATE
 * ({@code used = used + amount where used + amount <= cap}): the database's row lock serialises racing reservations
 * and the condition is re-checked on the locked row, so no interleaving of threads or nodes can take more than the cap.
 */
@ApplicationScoped
public class VolumeRepository implements VolumeCounters {

    private final DataSource dataSource;
    private final Clock clock;

    public VolumeRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the counter or sets a new cap on it; what was used so far is kept. */
    public void ensureCap(String offerId, String rule, BigDecimal cap) {
        int updated = update("update offer_volume set cap = ?, updated_at = ? where offer_id = ? and rule_name = ?",
                cap, now(), offerId, rule);
        if (updated == 0) {
            try {
                update("insert into offer_volume (cap, updated_at, offer_id, rule_name, used) values (?, ?, ?, ?, 0)",
                        cap, now(), offerId, rule);
            } catch (RuntimeException e) {
                if (!Jdbc.duplicate(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean reserve(String offerId, String rule, BigDecimal amount) {
        return update("update offer_volume set used = used + ?, updated_at = ? where offer_id = ? and rule_name = ? "
                + "and used + ? <= cap", amount, now(), offerId, rule, amount) == 1;
    }

    @Override
    public void giveBack(String offerId, String rule, BigDecimal amount) {
        update("update offer_volume set used = greatest(used - ?, 0), updated_at = ? where offer_id = ? "
                + "and rule_name = ?", amount, now(), offerId, rule);
    }

    @Override
    public BigDecimal left(String offerId, String rule) {
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
    }

    private Object now() {
        return Jdbc.utc(clock.instant());
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("updating offer volume", e);
        }
    }
}
