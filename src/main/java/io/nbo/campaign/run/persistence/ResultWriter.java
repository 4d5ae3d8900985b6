package io.nbo.campaign.run.persistence;

import io.nbo.campaign.run.CustomerResult;
import io.nbo.contact.LoggedDecision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a page of a run in one transaction, with JDBC batches (one round trip per statement kind, not per row): the
 * decisions into the decision log (as real-time ones: {@code decision_log}, {@code decision_offer},
 * {@code decision_experiment}), the send list, and the partition's checkpoint and counters. All or nothing: after a
 * crash the page is decided and written again, and since decision ids derive from run and customer, every insert
 * that finds its row already there does nothing ({@code on conflict do nothing} on PostgreSQL, {@code where not
 * exists} on the embedded H2).
 */
@ApplicationScoped
public class ResultWriter {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public ResultWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The page's progress, added to its partition's counters with the checkpoint. */
    public record Progress(String partition, String lastCustomerId, int customers, int reached, double value,
                           double dualTerms) {
    }

    public void ensurePartition(String runId, String partition, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("""
                         insert into campaign_partition (run_id, partition_key, updated_at)
                         select ?, ?, ? where not exists
                             (select 1 from campaign_partition where run_id = ? and partition_key = ?)""")) {
                s.setString(1, runId);
                s.setString(2, partition);
                s.setObject(3, RunStore.utc(now));
                s.setString(4, runId);
                s.setString(5, partition);
                s.executeUpdate();
            } catch (SQLException e) {
                throw RunStore.failure("creating a run partition", e);
            }
        });
    }

    public void write(String runId, List<CustomerResult> results, Progress progress, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                boolean pg = postgres(c);
                decisions(c, pg, results);
                sends(c, pg, runId, results);
                try (PreparedStatement s = c.prepareStatement("""
                        update campaign_partition set last_customer_id = ?, customers_done = customers_done + ?,
                               customers_reached = customers_reached + ?, expected_value = expected_value + ?,
                               dual_terms = dual_terms + ?, updated_at = ?
                         where run_id = ? and partition_key = ?""")) {
                    s.setString(1, progress.lastCustomerId());
                    s.setInt(2, progress.customers());
                    s.setInt(3, progress.reached());
                    s.setDouble(4, progress.value());
                    s.setDouble(5, progress.dualTerms());
                    s.setObject(6, RunStore.utc(now));
                    s.setString(7, runId);
                    s.setString(8, progress.partition());
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw RunStore.failure("writing a page of a run", e);
            }
        });
    }

    private static void decisions(Connection c, boolean pg, List<CustomerResult> results) throws SQLException {
        try (PreparedStatement d = c.prepareStatement(idempotent(pg, """
                     insert into decision_log (id, customer_id, touchpoint, decided_at, rule_set_version,
                                               policy_version, fallback, requested_by)""", 8, "decision_log",
                     "id = ?"));
             PreparedStatement o = c.prepareStatement(idempotent(pg, """
                     insert into decision_offer (decision_id, offer_id, offer_group, channel, offer_rank)""", 5,
                     "decision_offer", "decision_id = ? and offer_id = ?"));
             PreparedStatement e = c.prepareStatement(idempotent(pg, """
                     insert into decision_experiment (decision_id, experiment_key, experiment_version, arm,
                                                      customer_id, decided_at)""", 6, "decision_experiment",
                     "decision_id = ? and experiment_key = ?"))) {
            int decisions = 0;
            int offers = 0;
            int arms = 0;
            for (CustomerResult result : results) {
                LoggedDecision x = result.decision();
                if (x == null) {
                    continue;
                }
                java.time.OffsetDateTime at = RunStore.utc(x.decidedAt());
                d.setString(1, x.id());
                d.setString(2, x.customerId());
                d.setString(3, x.touchpoint().code());
                d.setObject(4, at);
                d.setString(5, x.ruleSetVersion());
                d.setString(6, x.policyVersion());
                d.setBoolean(7, x.fallback());
                d.setString(8, x.requestedBy());
                if (!pg) {
                    d.setString(9, x.id());
                }
                d.addBatch();
                decisions++;
                for (LoggedDecision.Made made : x.offers()) {
                    o.setString(1, x.id());
                    o.setString(2, made.offerId());
                    o.setString(3, made.offerGroup());
                    o.setString(4, made.channel().code());
                    o.setInt(5, made.rank());
                    if (!pg) {
                        o.setString(6, x.id());
                        o.setString(7, made.offerId());
                    }
                    o.addBatch();
                    offers++;
                }
                for (LoggedDecision.InExperiment in : x.experiments()) {
                    e.setString(1, x.id());
                    e.setString(2, in.experimentKey());
                    e.setInt(3, in.version());
                    e.setString(4, in.arm());
                    e.setString(5, x.customerId());
                    e.setObject(6, at);
                    if (!pg) {
                        e.setString(7, x.id());
                        e.setString(8, in.experimentKey());
                    }
                    e.addBatch();
                    arms++;
                }
            }
            if (decisions > 0) {
                d.executeBatch();
            }
            if (offers > 0) {
                o.executeBatch();
            }
            if (arms > 0) {
                e.executeBatch();
            }
        }
    }

    private static void sends(Connection c, boolean pg, String runId, List<CustomerResult> results)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(idempotent(pg, """
                insert into campaign_send (run_id, customer_id, offer_id, channel, decision_id, send_at, time_zone,
                                           expected_value)""", 8, "campaign_send",
                "run_id = ? and customer_id = ? and offer_id = ?"))) {
            int n = 0;
            for (CustomerResult result : results) {
                for (CustomerResult.Send send : result.sends()) {
                    s.setString(1, runId);
                    s.setString(2, result.customerId());
                    s.setString(3, send.offerId());
                    s.setString(4, send.channel().code());
                    s.setString(5, result.decision() == null ? null : result.decision().id());
                    s.setObject(6, RunStore.utc(send.sendAt()));
                    s.setString(7, send.zone().getId());
                    s.setDouble(8, send.expectedValue());
                    if (!pg) {
                        s.setString(9, runId);
                        s.setString(10, result.customerId());
                        s.setString(11, send.offerId());
                    }
                    s.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                s.executeBatch();
            }
        }
    }

    /** {@code insert ... values (...) on conflict do nothing}, or the portable {@code select ... where not exists}. */
    private static String idempotent(boolean pg, String insert, int columns, String table, String key) {
        String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
        return pg ? insert + " values (" + marks + ") on conflict do nothing"
                : insert + " select " + marks + " from (values (1)) one where not exists (select 1 from " + table
                + " where " + key + ")";
    }

    private boolean postgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            postgres = known;
        }
        return known;
    }
}
