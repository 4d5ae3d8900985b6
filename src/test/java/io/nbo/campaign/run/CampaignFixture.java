package io.nbo.campaign.run;

import static io.nbo.support.Callers.asMarketer;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Customers for campaign runs, written straight to the customer table (hundreds per test), each test in a segment of
 * its own so runs never see another test's customers; and reads of what a run wrote.
 */
@ApplicationScoped
public class CampaignFixture {

    /** Zones far apart, so a send time in each customer's own zone is a different instant. */
    static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney");

    private final DataSource dataSource;

    public CampaignFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code n} customers in a new segment, consenting to email and SMS, at churn risk 0.8 (the retention table makes
     * RET-15 eligible) and medium engagement (BUNDLE-WEEKEND); ids {@code <prefix>-0000 ...} in id order.
     */
    public Segment customers(int n) {
        String segment = "camp-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into customer (id, time_zone, consents, segments, lifecycle_stage, engagement, churn_risk,
                                           updated_at)
                     values (?, ?, 'email,sms', ?, 'active', 'medium', 0.8, now())""")) {
            for (int i = 0; i < n; i++) {
                String id = segment + "-" + String.format("%04d", i);
                s.setString(1, id);
                s.setString(2, ZONES.get(i % ZONES.size()));
                s.setString(3, segment);
                s.addBatch();
                ids.add(id);
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Segment(segment, ids);
    }

    public record Segment(String name, List<String> ids) {
    }

    /**
     * The data science team's scores for the segment's customers (their propensity, used as it is): RET-15 between
     * 0.05 and 0.95, every customer a different value (so the allocation has one best answer, not a tie), and
     * BUNDLE-WEEKEND 0.2 for everyone.
     */
    public static void distinctScores(Segment segment) {
        StringBuilder csv = new StringBuilder("customerId,offerId,score\n");
        int n = segment.ids().size();
        for (int i = 0; i < n; i++) {
            double ret = 0.05 + 0.9 * ((i * 37L) % n) / n;
            csv.append(segment.ids().get(i)).append(",RET-15,").append(String.format("%.6f", ret)).append('\n');
            csv.append(segment.ids().get(i)).append(",BUNDLE-WEEKEND,0.2\n");
        }
        asMarketer().contentType("text/csv").body(csv.toString()).put("/api/learning/own-scores").then()
                .statusCode(200);
    }

    public static String start(String body) {
        return asMarketer().contentType(ContentType.JSON).body(body).post("/api/campaigns/runs").then()
                .statusCode(202).extract().jsonPath().getString("id");
    }

    public static JsonPath awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> status.equals(
                asMarketer().get("/api/campaigns/runs/" + runId).jsonPath().getString("status")));
        return asMarketer().get("/api/campaigns/runs/" + runId).jsonPath();
    }

    /** Rows of a query, each column by name (plain JDBC: the test reads what the run wrote, not what it says). */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    public void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
