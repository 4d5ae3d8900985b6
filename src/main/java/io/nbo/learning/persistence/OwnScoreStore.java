package io.nbo.learning.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The data science team's scores ({@code own_score}, V50): customer x offer, the latest upload of a pair wins. */
@ApplicationScoped
public class OwnScoreStore {

    private static final String UPSERT = """
            merge into own_score t
            using (select cast(? as varchar) as customer_id, cast(? as varchar) as offer_id,
                          cast(? as double precision) as score) v
               on t.customer_id = v.customer_id and t.offer_id = v.offer_id
             when matched then update set score = v.score, uploaded_at = ?
             when not matched then insert (customer_id, offer_id, score, uploaded_at)
                                   values (v.customer_id, v.offer_id, v.score, ?)""";

    private final DataSource dataSource;

    public OwnScoreStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One uploaded score. */
    public record Score(String customerId, String offerId, double score) {
    }

    public void put(List<Score> scores, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            var when = at.atOffset(ZoneOffset.UTC);
            for (Score score : scores) {
                s.setString(1, score.customerId());
                s.setString(2, score.offerId());
                s.setDouble(3, score.score());
                s.setObject(4, when);
                s.setObject(5, when);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing own scores: " + e.getMessage(), e);
        }
    }

    public int clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("delete from own_score");
        } catch (SQLException e) {
            throw new IllegalStateException("clearing own scores: " + e.getMessage(), e);
        }
    }

    /** What changes whenever the scores do (how many, the latest upload): reloading is skipped while it stays. */
    public String stamp() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), max(uploaded_at) from own_score")) {
            rs.next();
            return rs.getLong(1) + "@" + rs.getObject(2);
        } catch (SQLException e) {
            throw new IllegalStateException("reading own scores: " + e.getMessage(), e);
        }
    }

    public Map<String, Map<String, Double>> load() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select customer_id, offer_id, score from own_score")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading own scores: " + e.getMessage(), e);
        }
        out.replaceAll((k, v) -> Map.copyOf(v));
        return Map.copyOf(out);
    }
}
