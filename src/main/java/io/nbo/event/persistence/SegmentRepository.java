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

    @jakarta.inject.Inject
    public SegmentRepository(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    private SegmentRepository(Sql sql) {
        this.sql = sql;
    }

    /** The same statements on a connection the caller owns and commits (an import batch's). */
    public SegmentRepository on(java.sql.Connection connection) {
        return new SegmentRepository(Sql.on(connection));
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

    /** The memberships of many customers in one query, each list highest priority first; absent: none. */
    public java.util.Map<String, List<Membership>> ofAll(List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return java.util.Map.of();
        }
        return sql.query("select customer_id, segment, priority, rule_name, rule_set_version, assigned_at from "
                + "customer_segment where customer_id in (" + Sql.marks(customerIds.size()) + ") "
                + "order by customer_id, priority desc, segment", Sql.ids(customerIds), rs -> {
                    java.util.Map<String, List<Membership>> out = new java.util.HashMap<>();
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Membership(
                                rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                Sql.instant(rs, "assigned_at")));
                    }
                    return out;
                });
    }

    /** Customer ids after {@code after}, in id order: a page of the scheduled re-evaluation. */
    public List<String> customersAfter(String after, int limit) {
        return sql.query("select id from customer where id > ? order by id", s -> {
            s.setString(1, after);
            s.setMaxRows(limit);
        }, rs -> {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Replaces the memberships of many customers: one delete and one batched insert. */
    public void replaceAll(java.util.Map<String, List<Membership>> byCustomer) {
        if (byCustomer.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(byCustomer.keySet());
        sql.update("delete from customer_segment where customer_id in (" + Sql.marks(ids.size()) + ")", Sql.ids(ids));
        List<java.util.Map.Entry<String, Membership>> rows = new ArrayList<>();
        byCustomer.forEach((id, list) -> list.forEach(m -> rows.add(java.util.Map.entry(id, m))));
        sql.batch("insert into customer_segment (customer_id, segment, priority, rule_name, rule_set_version, "
                + "assigned_at) values (?, ?, ?, ?, ?, ?)", rows, (s, row) -> {
                    Membership m = row.getValue();
                    s.setString(1, row.getKey());
                    s.setString(2, m.segment());
                    s.setInt(3, m.priority());
                    s.setString(4, m.rule());
                    s.setString(5, m.ruleSetVersion());
                    s.setObject(6, Sql.utc(m.assignedAt()));
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
