package io.nbo.campaign.run.persistence;

import io.nbo.campaign.run.RunSpec;
import io.nbo.campaign.run.RunSpec.Audience;
import io.nbo.campaign.run.RunStatus;
import io.nbo.offer.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs in the database ({@code campaign_run}, {@code campaign_audience}, V75), by plain JDBC: the run is the unit of
 * crash safety, so everything a node needs to pick it up again (what was asked, the prices, who holds it and since
 * when) is here, never only in memory.
 */
@ApplicationScoped
public class RunStore {

    private static final String RUNNING = "('queued', 'sampling', 'pricing', 'assigning')";

    private final DataSource dataSource;

    public RunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new run, and the customer ids of a list audience, in one transaction. */
    public void insert(RunSpec spec, List<String> audienceIds) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("""
                         insert into campaign_run (id, status, audience_kind, audience_segment, channels, offers,
                                                   send_date, max_offers, dry_run, requested_by, created_at)
                         values (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement a = c.prepareStatement(
                         "insert into campaign_audience (run_id, customer_id) values (?, ?)")) {
                s.setString(1, spec.id());
                s.setString(2, spec.audience().kind().name().toLowerCase());
                s.setString(3, spec.audience().segment());
                s.setString(4, String.join(",", spec.channels().stream().map(Channel::code).toList()));
                s.setString(5, String.join(",", spec.offers()));
                s.setDate(6, Date.valueOf(spec.sendDate()));
                s.setInt(7, spec.maxOffers());
                s.setBoolean(8, spec.dryRun());
                s.setString(9, spec.requestedBy());
                s.setObject(10, RunStore.utc(spec.createdAt()));
                s.executeUpdate();
                int n = 0;
                for (String id : audienceIds) {
                    a.setString(1, spec.id());
                    a.setString(2, id);
                    a.addBatch();
                    if (++n % 1000 == 0) {
                        a.executeBatch();
                    }
                }
                if (n % 1000 != 0) {
                    a.executeBatch();
                }
            } catch (SQLException e) {
                throw failure("storing a campaign run", e);
            }
        });
    }

    public Optional<RunRow> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from campaign_run where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading a campaign run", e);
        }
    }

    /** Runs still running whose owner has not renewed its lease since {@code staleBefore} (or that have none). */
    public List<String> orphaned(Instant staleBefore) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id from campaign_run where status in " + RUNNING
                     + " and (heartbeat_at is null or heartbeat_at < ?) order by created_at")) {
            s.setObject(1, RunStore.utc(staleBefore));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("looking for runs to resume", e);
        }
    }

    /**
     * Takes the run for {@code owner} when it is running and free (no owner, this owner, or a lease older than
     * {@code staleBefore}): one conditional update, so two nodes never both take it.
     */
    public boolean take(String id, String owner, Instant now, Instant staleBefore) {
        return update("update campaign_run set owner = ?, heartbeat_at = ?, started_at = coalesce(started_at, ?) "
                + "where id = ? and status in " + RUNNING
                + " and (owner is null or owner = ? or heartbeat_at is null or heartbeat_at < ?)",
                s -> {
                    s.setString(1, owner);
                    s.setObject(2, RunStore.utc(now));
                    s.setObject(3, RunStore.utc(now));
                    s.setString(4, id);
                    s.setString(5, owner);
                    s.setObject(6, RunStore.utc(staleBefore));
                }) == 1;
    }

    /** Renews the lease; false when this node no longer holds the run (taken over, or finished elsewhere). */
    public boolean heartbeat(String id, String owner, Instant now) {
        return update("update campaign_run set heartbeat_at = ? where id = ? and owner = ? and status in " + RUNNING,
                s -> {
                    s.setObject(1, RunStore.utc(now));
                    s.setString(2, id);
                    s.setString(3, owner);
                }) == 1;
    }

    public void phase(String id, RunStatus status, Long total, Integer sample) {
        update("update campaign_run set status = ?, customers_total = coalesce(?, customers_total), "
                + "sample_size = coalesce(?, sample_size) where id = ?", s -> {
                    s.setString(1, status.code());
                    if (total == null) {
                        s.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(2, total);
                    }
                    if (sample == null) {
                        s.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        s.setInt(3, sample);
                    }
                    s.setString(4, id);
                });
    }

    public void pricing(String id, String pricing) {
        update("update campaign_run set pricing = ? where id = ?", s -> {
            s.setString(1, pricing);
            s.setString(2, id);
        });
    }

    /** Ends the run (done, cancelled or failed) unless it already ended. */
    public void finish(String id, RunStatus status, String failure, Instant now) {
        update("update campaign_run set status = ?, failure = ?, finished_at = ?, owner = null where id = ? "
                + "and status in " + RUNNING, s -> {
                    s.setString(1, status.code());
                    s.setString(2, failure == null ? null : failure.substring(0, Math.min(1000, failure.length())));
                    s.setObject(3, RunStore.utc(now));
                    s.setString(4, id);
                });
    }

    /**
     * Asks the run to stop: a queued run, or one no node holds, ends at once; a running one at its next page.
     *
     * @return false when the run had already ended
     */
    public boolean requestCancel(String id, Instant now) {
        update("update campaign_run set status = 'cancelled', finished_at = ?, cancel_requested = true "
                + "where id = ? and status = 'queued' and owner is null", s -> {
                    s.setObject(1, RunStore.utc(now));
                    s.setString(2, id);
                });
        return update("update campaign_run set cancel_requested = true where id = ? and status in " + RUNNING,
                s -> s.setString(1, id)) == 1;
    }

    /** Marks a run failed or cancelled run to run again from its checkpoints (the marketer's restart). */
    public boolean restart(String id) {
        return update("update campaign_run set status = 'queued', cancel_requested = false, failure = null, "
                + "finished_at = null, owner = null, heartbeat_at = null where id = ? "
                + "and status in ('failed', 'cancelled')", s -> s.setString(1, id)) == 1;
    }

    private static RunRow row(ResultSet rs) throws SQLException {
        Audience audience = switch (rs.getString("audience_kind")) {
            case "segment" -> Audience.segment(rs.getString("audience_segment"));
            case "list" -> Audience.list();
            default -> Audience.all();
        };
        List<Channel> channels = Arrays.stream(rs.getString("channels").split(","))
                .map(code -> Channel.fromCode(code).orElseThrow()).toList();
        String offers = rs.getString("offers");
        RunSpec spec = new RunSpec(rs.getString("id"), audience, channels,
                offers.isEmpty() ? List.of() : List.of(offers.split(",")), rs.getDate("send_date").toLocalDate(),
                rs.getInt("max_offers"), rs.getBoolean("dry_run"), rs.getString("requested_by"),
                instant(rs, "created_at"));
        return new RunRow(spec, RunStatus.valueOf(rs.getString("status").toUpperCase()), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getObject("customers_total", Long.class),
                rs.getObject("sample_size", Integer.class), rs.getString("pricing"), rs.getString("owner"),
                instant(rs, "heartbeat_at"), rs.getBoolean("cancel_requested"), rs.getString("failure"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("updating a campaign run", e);
        }
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed (SQLState " + e.getSQLState() + ")", e);
    }
}
