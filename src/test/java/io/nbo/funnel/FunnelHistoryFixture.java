package io.nbo.funnel;

import static io.nbo.support.Callers.asMarketer;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * A small, hand-built contact history in March 2025, far from the decisions other tests make now: decisions, the
 * offers they made and outcomes, written straight into the tables the decision log writes. Ids start with
 * {@code fnl-}, so the fixture replaces its own rows and nothing else.
 */
@Singleton
public class FunnelHistoryFixture {

    public static final String OFFER_A = "TEST-FUNNEL-A";
    public static final String OFFER_B = "TEST-FUNNEL-B";

    private final DataSource dataSource;

    public FunnelHistoryFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The history: d6 on 2 March 23:30 UTC (3 March in Berlin); d1 3 March 10:00 (A opened, clicked, accepted,
     * purchased); d2 3 March 23:30 (A opened; 4 March in Berlin); d3 5 March 09:00 (A rejected, B opened); d4 10 March
     * (A sent, delivered, opened); d5 17 March 00:30 (after the range).
     */
    public void load() {
        offer(OFFER_A, "Funnel test A");
        offer(OFFER_B, "Funnel test B");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            run(c, "delete from decision_outcome where decision_id like 'fnl-%'");
            run(c, "delete from decision_offer where decision_id like 'fnl-%'");
            run(c, "delete from decision_log where id like 'fnl-%'");
            decision(c, "fnl-d6", "2025-03-02T23:30:00Z", OFFER_A);
            decision(c, "fnl-d1", "2025-03-03T10:00:00Z", OFFER_A);
            outcomes(c, "fnl-d1", OFFER_A, "OPENED", "CLICKED", "ACCEPTED", "PURCHASED");
            decision(c, "fnl-d2", "2025-03-03T23:30:00Z", OFFER_A);
            outcomes(c, "fnl-d2", OFFER_A, "OPENED");
            decision(c, "fnl-d3", "2025-03-05T09:00:00Z", OFFER_A, OFFER_B);
            outcomes(c, "fnl-d3", OFFER_A, "REJECTED");
            outcomes(c, "fnl-d3", OFFER_B, "OPENED");
            decision(c, "fnl-d4", "2025-03-10T12:00:00Z", OFFER_A);
            outcomes(c, "fnl-d4", OFFER_A, "SENT", "DELIVERED", "OPENED");
            decision(c, "fnl-d5", "2025-03-17T00:30:00Z", OFFER_A);
            outcomes(c, "fnl-d5", OFFER_A, "OPENED");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void offer(String id, String name) {
        int status = asMarketer().contentType("application/json").body("""
                {"id": "%s", "name": "%s", "category": "test", "kind": "coupon", "businessValue": 1,
                 "channels": ["email"], "offerGroup": "%s"}""".formatted(id, name, id))
                .post("/api/offers").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("creating " + id + " answered " + status);
        }
    }

    private static void decision(Connection c, String id, String at, String... offers) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into decision_log (id, customer_id, touchpoint, "
                + "decided_at, rule_set_version, policy_version, fallback) values (?, ?, 'email', ?, 'r1', 'p1', false)")) {
            s.setString(1, id);
            s.setString(2, "FNL-" + id);
            s.setObject(3, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            s.executeUpdate();
        }
        for (int rank = 0; rank < offers.length; rank++) {
            try (PreparedStatement s = c.prepareStatement("insert into decision_offer (decision_id, offer_id, "
                    + "offer_group, channel, offer_rank) values (?, ?, ?, 'email', ?)")) {
                s.setString(1, id);
                s.setString(2, offers[rank]);
                s.setString(3, offers[rank]);
                s.setInt(4, rank + 1);
                s.executeUpdate();
            }
        }
    }

    private static void outcomes(Connection c, String decision, String offer, String... types) throws SQLException {
        for (String type : types) {
            try (PreparedStatement s = c.prepareStatement("insert into decision_outcome (decision_id, offer_id, "
                    + "customer_id, outcome, occurred_at, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime at = OffsetDateTime.of(2025, 3, 20, 12, 0, 0, 0, ZoneOffset.UTC);
                s.setString(1, decision);
                s.setString(2, offer);
                s.setString(3, "FNL-" + decision);
                s.setString(4, type);
                s.setObject(5, at);
                s.setObject(6, at);
                s.executeUpdate();
            }
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
