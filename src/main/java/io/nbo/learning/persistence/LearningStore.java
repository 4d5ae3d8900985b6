package io.nbo.learning.persistence;

import io.nbo.decision.core.learning.Counts;
import io.nbo.decision.core.learning.LearnedCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Learned counts in the database ({@code learning_count}, V50) by plain JDBC. Live counts are added in batches with one
 * standard MERGE per key (PostgreSQL 15+ and H2), so nodes add to the same rows without reading them first; imported
 * counts are recomputed from {@code history_contact} in three set-based statements after an import.
 */
@ApplicationScoped
public class LearningStore {

    private static final String ADD = """
            merge into learning_count t
            using (select cast(? as varchar) as offer_id, cast(? as varchar) as segment, cast(? as varchar) as channel,
                          cast(? as bigint) as contacts, cast(? as bigint) as responses) v
               on t.source = 'live' and t.offer_id = v.offer_id and t.segment = v.segment and t.channel = v.channel
             when matched then update set contacts = t.contacts + v.contacts, responses = t.responses + v.responses,
                                         updated_at = ?
             when not matched then insert (source, offer_id, segment, channel, contacts, responses, updated_at)
                                   values ('live', v.offer_id, v.segment, v.channel, v.contacts, v.responses, ?)""";

    private static final String POSITIVE = "('ACCEPTED', 'PURCHASED')";

    private final DataSource dataSource;

    public LearningStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every level's counts, live and imported added together. */
    public LearnedCounts load() {
        String sql = """
                select offer_id, segment, channel, sum(contacts), sum(responses)
                  from learning_count group by offer_id, segment, channel""";
        Map<String, Counts> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(LearnedCounts.key(rs.getString(1), rs.getString(2), rs.getString(3)),
                        new Counts(rs.getLong(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading learned counts: " + e.getMessage(), e);
        }
        return new LearnedCounts(out);
    }

    /** Adds live contacts and responses, by key "offer|segment|channel" ({@link LearnedCounts#key}). */
    public void add(Map<String, Counts> deltas, Instant at) {
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ADD)) {
            var when = at.atOffset(ZoneOffset.UTC);
            for (Map.Entry<String, Counts> d : deltas.entrySet()) {
                String[] key = d.getKey().split("\\|", 3);
                s.setString(1, key[0]);
                s.setString(2, key[1]);
                s.setString(3, key[2]);
                s.setLong(4, d.getValue().contacts());
                s.setLong(5, d.getValue().responses());
                s.setObject(6, when);
                s.setObject(7, when);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("adding learned counts: " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes the imported counts from the imported history: per offer, offer x segment and offer x segment x
     * channel. A row's segment is the one the export gave, else the customer's lifecycle stage, else none (then it
     * counts for the offer alone). One contact per row; a response is an accepted or purchased outcome.
     */
    public void recomputeImported(Instant at) {
        String segment = "coalesce(h.segment, c.lifecycle_stage)";
        String from = " from history_contact h left join customer c on c.id = h.customer_id ";
        String select = ", count(*), sum(case when h.outcome in " + POSITIVE + " then 1 else 0 end), cast(? as timestamp with time zone) ";
        String insert = "insert into learning_count (source, offer_id, segment, channel, contacts, responses, "
                + "updated_at) ";
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); Statement clear = c.createStatement();
                 PreparedStatement offer = c.prepareStatement(insert + "select 'import', h.offer_id, '*', '*'"
                         + select + from + " group by h.offer_id");
                 PreparedStatement seg = c.prepareStatement(insert + "select 'import', h.offer_id, " + segment
                         + ", '*'" + select + from + " where " + segment + " is not null group by h.offer_id, "
                         + segment);
                 PreparedStatement channel = c.prepareStatement(insert + "select 'import', h.offer_id, " + segment
                         + ", h.channel" + select + from + " where " + segment + " is not null group by h.offer_id, "
                         + segment + ", h.channel")) {
                clear.executeUpdate("delete from learning_count where source = 'import'");
                for (PreparedStatement s : new PreparedStatement[] {offer, seg, channel}) {
                    s.setObject(1, at.atOffset(ZoneOffset.UTC));
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("recomputing imported counts: " + e.getMessage(), e);
            }
        });
    }
}
