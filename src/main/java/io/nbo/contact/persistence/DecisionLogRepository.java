package io.nbo.contact.persistence;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.LoggedDecision.Made;
import io.nbo.contact.RecordedOutcome;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The decision log and its outcomes in the database, by plain JDBC: batched inserts (one transaction per batch) suit a
 * write-behind log better than entities, and decisions are only ever read back as immutable records. Every insert is
 * conditional ({@code insert ... select ... where not exists}, portable across PostgreSQL and H2), so writing a batch
 * again (after a crash, from the journal) is cheap and changes nothing. Values are cast to unbounded types on the way
 * in, so a value too long for its column is refused by the column (SQLSTATE 22001), never silently cut.
 */
@ApplicationScoped
public class DecisionLogRepository implements LogStore {

    private static final String INSERT_DECISION = """
            insert into decision_log (id, customer_id, touchpoint, decided_at, rule_set_version, policy_version,
                                      fallback, requested_by)
            select cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as timestamp with time zone),
                   cast(? as varchar), cast(? as varchar), cast(? as boolean), cast(? as varchar)
             where not exists (select 1 from decision_log where id = ?)""";
    private static final String INSERT_OFFER = """
            insert into decision_offer (decision_id, offer_id, offer_group, channel, offer_rank)
            select cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as integer)
             where not exists (select 1 from decision_offer where decision_id = ? and offer_id = ?)""";
    private static final String INSERT_OUTCOME = """
            insert into decision_outcome (decision_id, offer_id, customer_id, outcome, occurred_at, recorded_at, amount)
            select cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar),
                   cast(? as timestamp with time zone), cast(? as timestamp with time zone), cast(? as numeric(12, 2))
             where not exists (select 1 from decision_outcome where decision_id = ? and offer_id = ? and outcome = ?)""";

    private static final String INSERT_ARM = """
            insert into decision_experiment (decision_id, experiment_key, experiment_version, arm, customer_id,
                                             decided_at)
            select cast(? as varchar), cast(? as varchar), cast(? as integer), cast(? as varchar), cast(? as varchar),
                   cast(? as timestamp with time zone)
             where not exists (select 1 from decision_experiment where decision_id = ? and experiment_key = ?)""";

    private final DataSource dataSource;

    public DecisionLogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(List<LoggedDecision> decisions, List<RecordedOutcome> outcomes) {
        QuarkusTransaction.requiringNew().run(() -> insert(decisions, outcomes));
    }

    private void insert(List<LoggedDecision> decisions, List<RecordedOutcome> outcomes) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement(INSERT_DECISION);
             PreparedStatement o = c.prepareStatement(INSERT_OFFER);
             PreparedStatement x = c.prepareStatement(INSERT_OUTCOME);
             PreparedStatement e = c.prepareStatement(INSERT_ARM)) {
            boolean arms = false;
            for (LoggedDecision decision : decisions) {
                d.setString(1, decision.id());
                d.setString(2, decision.customerId());
                d.setString(3, decision.touchpoint().code());
                d.setObject(4, Jdbc.utc(decision.decidedAt()));
                d.setString(5, decision.ruleSetVersion());
                d.setString(6, decision.policyVersion());
                d.setBoolean(7, decision.fallback());
                d.setString(8, decision.requestedBy());
                d.setString(9, decision.id());
                d.addBatch();
                for (Made made : decision.offers()) {
                    o.setString(1, decision.id());
                    o.setString(2, made.offerId());
                    o.setString(3, made.offerGroup());
                    o.setString(4, made.channel().code());
                    o.setInt(5, made.rank());
                    o.setString(6, decision.id());
                    o.setString(7, made.offerId());
                    o.addBatch();
                }
                for (LoggedDecision.InExperiment in : decision.experiments()) {
                    e.setString(1, decision.id());
                    e.setString(2, in.experimentKey());
                    e.setInt(3, in.version());
                    e.setString(4, in.arm());
                    e.setString(5, decision.customerId());
                    e.setObject(6, Jdbc.utc(decision.decidedAt()));
                    e.setString(7, decision.id());
                    e.setString(8, in.experimentKey());
                    e.addBatch();
                    arms = true;
                }
            }
            for (RecordedOutcome outcome : outcomes) {
                x.setString(1, outcome.decisionId());
                x.setString(2, outcome.offerId());
                x.setString(3, outcome.customerId());
                x.setString(4, outcome.outcome().name());
                x.setObject(5, Jdbc.utc(outcome.occurredAt()));
                x.setObject(6, Jdbc.utc(outcome.recordedAt()));
                x.setBigDecimal(7, outcome.amount());
                x.setString(8, outcome.decisionId());
                x.setString(9, outcome.offerId());
                x.setString(10, outcome.outcome().name());
                x.addBatch();
            }
            if (!decisions.isEmpty()) {
                d.executeBatch();
                o.executeBatch();
                if (arms) {
                    e.executeBatch();
                }
            }
            if (!outcomes.isEmpty()) {
                x.executeBatch();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("writing " + decisions.size() + " decisions and " + outcomes.size() + " outcomes", e);
        }
    }

    public Optional<LoggedDecision> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement d = c.prepareStatement("select * from decision_log where id = ?");
                 PreparedStatement o = c.prepareStatement(
                         "select * from decision_offer where decision_id = ? order by offer_rank")) {
                d.setString(1, id);
                try (ResultSet rs = d.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<LoggedDecision>empty();
                    }
                    o.setString(1, id);
                    List<Made> offers = new ArrayList<>();
                    try (ResultSet ors = o.executeQuery()) {
                        while (ors.next()) {
                            offers.add(new Made(ors.getString("offer_id"), ors.getString("offer_group"),
                                    channel(ors.getString("channel")), ors.getInt("offer_rank")));
                        }
                    }
                    return Optional.of(new LoggedDecision(id, rs.getString("customer_id"),
                            channel(rs.getString("touchpoint")), Jdbc.instant(rs, "decided_at"),
                            rs.getString("rule_set_version"), rs.getString("policy_version"),
                            rs.getBoolean("fallback"), offers, rs.getString("requested_by")));
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading decision " + id, e);
            }
        });
    }

    /**
     * The customer's contact history since the horizon: offers made and outcomes recorded. One plain query on an
     * auto-commit connection (no JTA transaction): this is the hot path's read on a cache miss.
     */
    public List<ContactEvent> history(String customerId, Instant horizon) {
        String sql = """
                select d.id, o.offer_id, o.offer_group, o.channel, 'OFFERED' as kind, d.decided_at as occurred,
                       cast(null as numeric(12, 2)) as amount
                  from decision_log d join decision_offer o on o.decision_id = d.id
                 where d.customer_id = ? and d.decided_at >= ?
                union all
                select x.decision_id, x.offer_id, o.offer_group, o.channel, x.outcome, x.occurred_at, x.amount
                  from decision_outcome x
                  join decision_offer o on o.decision_id = x.decision_id and o.offer_id = x.offer_id
                 where x.customer_id = ? and x.occurred_at >= ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, customerId);
            s.setObject(2, Jdbc.utc(horizon));
            s.setString(3, customerId);
            s.setObject(4, Jdbc.utc(horizon));
            List<ContactEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new ContactEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                            channel(rs.getString(4)), ContactEventType.valueOf(rs.getString(5)),
                            Jdbc.instant(rs, "occurred"), rs.getBigDecimal(7)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw Jdbc.failure("reading a customer's contact history", e);
        }
    }

    /**
     * The contact histories since the horizon of the customers named (at most a few thousand): a batch campaign's
     * page of customers in one query on the customer index, instead of one query per customer. Customers with no
     * contact are missing from the map.
     */
    public Map<String, List<ContactEvent>> histories(List<String> customerIds, Instant horizon) {
        String marks = String.join(", ", java.util.Collections.nCopies(customerIds.size(), "?"));
        String sql = """
                select d.customer_id, d.id, o.offer_id, o.offer_group, o.channel, 'OFFERED' as kind,
                       d.decided_at as occurred, cast(null as numeric(12, 2)) as amount
                  from decision_log d join decision_offer o on o.decision_id = d.id
                 where d.customer_id in (%s) and d.decided_at >= ?
                union all
                select x.customer_id, x.decision_id, x.offer_id, o.offer_group, o.channel, x.outcome, x.occurred_at,
                       x.amount
                  from decision_outcome x
                  join decision_offer o on o.decision_id = x.decision_id and o.offer_id = x.offer_id
                 where x.customer_id in (%s) and x.occurred_at >= ?
                """.formatted(marks, marks);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            for (int round = 0; round < 2; round++) {
                for (String id : customerIds) {
                    s.setString(p++, id);
                }
                s.setObject(p++, Jdbc.utc(horizon));
            }
            Map<String, List<ContactEvent>> out = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ContactEvent(
                            rs.getString(2), rs.getString(3), rs.getString(4), channel(rs.getString(5)),
                            ContactEventType.valueOf(rs.getString(6)), Jdbc.instant(rs, "occurred"),
                            rs.getBigDecimal(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("reading a page of contact histories", e);
        }
    }

    private static Channel channel(String code) {
        return Channel.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown channel " + code));
    }
}
