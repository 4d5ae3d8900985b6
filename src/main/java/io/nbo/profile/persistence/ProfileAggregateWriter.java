package io.nbo.profile.persistence;

import io.nbo.common.persistence.StringListConverter;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes what events change on a customer's row (aggregates, consents, segments) with plain statements in the
 * caller's transaction; the caller invalidates the cached profile after the commit. Bumps {@code version}, so an
 * admin's concurrent PUT based on the old row fails rather than silently undoing the event.
 */
@ApplicationScoped
public class ProfileAggregateWriter {

    private static final StringListConverter LIST = new StringListConverter();

    /**
     * The aggregates an event changes. {@code lifecycle}, {@code churnRisk} and {@code predictedValue} null: keep the
     * stored value (a customer who never bought keeps what was imported).
     */
    public record Aggregates(Integer recencyDays, int frequency, BigDecimal monetary, List<String> topCategories,
                             List<String> topItems, List<String> preferredChannels, String lifecycle,
                             Double churnRisk, BigDecimal predictedValue) {
    }

    private final DataSource dataSource;

    public ProfileAggregateWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(String customerId, Aggregates a, Instant at) {
        update("update customer set recency_days = ?, frequency = ?, monetary = ?, top_categories = ?, top_items = ?, "
                + "preferred_channels = ?, lifecycle_stage = coalesce(?, lifecycle_stage), churn_risk = coalesce(?, "
                + "churn_risk), predicted_value = coalesce(?, predicted_value), sample = false, version = version + 1, "
                + "updated_at = ? where id = ?", s -> {
                    if (a.recencyDays() == null) {
                        s.setNull(1, Types.INTEGER);
                    } else {
                        s.setInt(1, a.recencyDays());
                    }
                    s.setInt(2, a.frequency());
                    s.setBigDecimal(3, a.monetary());
                    s.setString(4, LIST.convertToDatabaseColumn(a.topCategories()));
                    s.setString(5, LIST.convertToDatabaseColumn(a.topItems()));
                    s.setString(6, LIST.convertToDatabaseColumn(a.preferredChannels()));
                    s.setString(7, a.lifecycle());
                    if (a.churnRisk() == null) {
                        s.setNull(8, Types.DOUBLE);
                    } else {
                        s.setDouble(8, a.churnRisk());
                    }
                    s.setBigDecimal(9, a.predictedValue());
                    s.setObject(10, at.atOffset(ZoneOffset.UTC));
                    s.setString(11, customerId);
                });
    }

    /** The codes in the customer's consents column, or segments column ({@code column}: consents or segments). */
    public List<String> codes(String customerId, String column) {
        String sql = "select " + column(column) + " from customer where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? LIST.convertToEntityAttribute(rs.getString(1)) : List.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a profile failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Replaces the consents or segments column, codes sorted as {@link ProfileMapper#fill} writes them. */
    public void setCodes(String customerId, String column, List<String> codes) {
        update("update customer set " + column(column) + " = ?, version = version + 1 where id = ?", s -> {
            s.setString(1, LIST.convertToDatabaseColumn(codes.stream().sorted().distinct().toList()));
            s.setString(2, customerId);
        });
    }

    /** Replaces the segments column of many customers in one batch (codes as {@link #setCodes} writes them). */
    public void setSegments(java.util.Map<String, List<String>> byCustomer) {
        if (byCustomer.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            setSegments(c, byCustomer);
        } catch (SQLException e) {
            throw new IllegalStateException("writing profiles failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** {@link #setSegments(java.util.Map)} on a connection the caller owns and commits. */
    public void setSegments(Connection c, java.util.Map<String, List<String>> byCustomer) {
        if (byCustomer.isEmpty()) {
            return;
        }
        String sql = "update customer set segments = ?, version = version + 1 where id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (java.util.Map.Entry<String, List<String>> e : byCustomer.entrySet()) {
                s.setString(1, LIST.convertToDatabaseColumn(e.getValue().stream().sorted().distinct().toList()));
                s.setString(2, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing profiles failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static String column(String column) {
        if (!column.equals("consents") && !column.equals("segments")) {
            throw new IllegalArgumentException("not a code column: " + column);
        }
        return column;
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing a profile failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
