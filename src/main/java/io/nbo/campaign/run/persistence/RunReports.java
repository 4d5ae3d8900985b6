package io.nbo.campaign.run.persistence;

import io.nbo.offer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** What a run has done so far, read from its partitions and its send list. */
@ApplicationScoped
public class RunReports {

    private final DataSource dataSource;

    public RunReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A partition's checkpoint and counters. */
    public record Partition(String key, String lastCustomerId, long customersDone, long customersReached,
                            double expectedValue, double dualTerms, Instant updatedAt) {
    }

    /** Per offer: contacts in the send list and their expected value. */
    public record OfferUse(String offerId, long sends, double expectedValue) {
    }

    /** One row of the send list. */
    public record SendRow(String customerId, String offerId, Channel channel, Instant sendAt, ZoneId zone,
                          String decisionId) {
    }

    public List<Partition> partitions(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from campaign_partition where run_id = ? "
                     + "order by partition_key")) {
            s.setString(1, runId);
            List<Partition> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Partition(rs.getString("partition_key"), rs.getString("last_customer_id"),
                            rs.getLong("customers_done"), rs.getLong("customers_reached"),
                            rs.getDouble("expected_value"), rs.getDouble("dual_terms"),
                            RunStore.instant(rs, "updated_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw RunStore.failure("reading a run's progress", e);
        }
    }

    public List<OfferUse> offerUse(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select offer_id, count(*), sum(expected_value) "
                     + "from campaign_send where run_id = ? group by offer_id order by offer_id")) {
            s.setString(1, runId);
            List<OfferUse> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new OfferUse(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw RunStore.failure("reading a run's offers", e);
        }
    }

    /** The customers of the page range already in the send list (a replayed page skips them). */
    public java.util.Set<String> reached(String runId, String fromId, String toId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select distinct customer_id from campaign_send "
                     + "where run_id = ? and customer_id between ? and ?")) {
            s.setString(1, runId);
            s.setString(2, fromId);
            s.setString(3, toId);
            java.util.Set<String> out = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw RunStore.failure("reading a run's send list", e);
        }
    }

    /**
     * Streams the send list of one channel in customer order to {@code each}, from a database cursor (only one fetch
     * of rows in memory), whatever its size.
     */
    public long sendList(String runId, Channel channel, Consumer<SendRow> each) {
        long n = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement("select customer_id, offer_id, channel, send_at, "
                    + "time_zone, decision_id from campaign_send where run_id = ? and channel = ? "
                    + "order by customer_id, offer_id")) {
                s.setString(1, runId);
                s.setString(2, channel.code());
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new SendRow(rs.getString(1), rs.getString(2), channel,
                                RunStore.instant(rs, "send_at"), ZoneId.of(rs.getString(5)), rs.getString(6)));
                        n++;
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw RunStore.failure("reading a send list", e);
        }
        return n;
    }
}
