package io.nbo.experiment.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What lift is measured on, by plain JDBC: each customer a decision put in the experiment, with the arm of their first
 * exposure, and their purchases after it, from every source we hold (outcomes of any decision, imported history).
 */
@ApplicationScoped
public class ExposureQuery {

    private static final String EXPOSED = """
            select customer_id, arm, decided_at from decision_experiment
             where experiment_key = ? order by customer_id, decided_at, decision_id""";
    private static final String PURCHASES = """
            select e.customer_id, count(*), coalesce(sum(p.amount), 0)
              from (select customer_id, min(decided_at) as first_at from decision_experiment
                     where experiment_key = ? group by customer_id) e
              join (select customer_id, occurred_at, amount from decision_outcome where outcome = 'PURCHASED'
                    union all
                    select customer_id, occurred_at, amount from history_contact where outcome = 'PURCHASED') p
                on p.customer_id = e.customer_id and p.occurred_at >= e.first_at
             group by e.customer_id""";

    private final DataSource dataSource;

    public ExposureQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One exposed customer: their arm (of the first exposure), purchases and revenue after it. */
    public record Exposed(String arm, Instant firstAt, long purchases, double revenue) {
    }

    public Map<String, Exposed> exposed(String experimentKey) {
        Map<String, Exposed> out = new LinkedHashMap<>();
        Map<String, double[]> bought = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement e = c.prepareStatement(EXPOSED);
             PreparedStatement p = c.prepareStatement(PURCHASES)) {
            p.setString(1, experimentKey);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    bought.put(rs.getString(1), new double[] {rs.getLong(2), rs.getBigDecimal(3).doubleValue()});
                }
            }
            e.setString(1, experimentKey);
            try (ResultSet rs = e.executeQuery()) {
                while (rs.next()) {
                    String customer = rs.getString(1);
                    if (!out.containsKey(customer)) {
                        double[] b = bought.getOrDefault(customer, new double[2]);
                        out.put(customer, new Exposed(rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), (long) b[0], b[1]));
                    }
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("reading the exposure of experiment " + experimentKey + ": "
                    + ex.getMessage(), ex);
        }
        return out;
    }
}
