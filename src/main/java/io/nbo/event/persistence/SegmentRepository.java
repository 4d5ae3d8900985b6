package io.nbo.event.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The segments segment rows assigned to each customer ({@code customer_segment}, V40), in the caller's transaction. */
@ApplicationScoped
public class SegmentRepository {

    /** A customer's membership of a segment: its priority and the row (and rule-set version) that assigned it. */
    public record Membership(String segment, int priority, String rule, String ruleSetVersion, Instant assignedAt) {
    }

    private final Sql sql;

    public SegmentRepository(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Highest priority first, then by name. */
    public List<Membership> of(String customerId) {
        return sql.query("select segment, priority, rule_name, rule_set_version, assigned_at from customer_segment "
                + "where customer_id = ? order by priority desc, segment", s -> s.setString(1, customerId), rs -> {
                    List<Membership> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Membership(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                Sql.instant(rs, "assigned_at")));
                    }
                    return out;
                });
    }

    public void replace(String customerId, List<Membership> memberships) {
        sql.update("delete from customer_segment where customer_id = ?", s -> s.setString(1, customerId));
        for (Membership m : memberships) {
            sql.update("insert into customer_segment (customer_id, segment, priority, rule_name, rule_set_version, "
                    + "assigned_at) values (?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, customerId);
                        s.setString(2, m.segment());
                        s.setInt(3, m.priority());
                        s.setString(4, m.rule());
                        s.setString(5, m.ruleSetVersion());
                        s.setObject(6, Sql.utc(m.assignedAt()));
                    });
        }
    }
}
