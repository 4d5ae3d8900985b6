package io.nbo.contact.persistence;

import io.nbo.contact.RecordedOutcome;
import io.nbo.decision.core.policy.ContactEventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Outcomes in the database: one row per decision, offer and outcome, so recording twice changes nothing. */
@ApplicationScoped
public class OutcomeRepository {

    private final DataSource dataSource;

    public OutcomeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the outcome unless the same decision, offer and outcome is already there.
     *
     * @return the stored outcome: the new one ({@code created}), or the one recorded before
     */
    public RecordedOutcome insertOnce(RecordedOutcome outcome) {
        Optional<RecordedOutcome> existing = find(outcome);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(outcome));
            return outcome;
        } catch (RuntimeException e) {
            if (Jdbc.duplicate(e)) {
                return find(outcome).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private void insert(RecordedOutcome o) {
        String sql = "insert into decision_outcome (decision_id, offer_id, customer_id, outcome, occurred_at, "
                + "recorded_at, amount) values (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, o.decisionId());
            s.setString(2, o.offerId());
            s.setString(3, o.customerId());
            s.setString(4, o.outcome().name());
            s.setObject(5, Jdbc.utc(o.occurredAt()));
            s.setObject(6, Jdbc.utc(o.recordedAt()));
            s.setBigDecimal(7, o.amount());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("recording outcome " + o.outcome().code() + " of " + o.decisionId(), e);
        }
    }

    private Optional<RecordedOutcome> find(RecordedOutcome o) {
        String sql = "select * from decision_outcome where decision_id = ? and offer_id = ? and outcome = ?";
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, o.decisionId());
                s.setString(2, o.offerId());
                s.setString(3, o.outcome().name());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<RecordedOutcome>empty();
                    }
                    return Optional.of(new RecordedOutcome(o.decisionId(), o.offerId(), rs.getString("customer_id"),
                            o.channel(), ContactEventType.valueOf(rs.getString("outcome")),
                            Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "recorded_at"),
                            rs.getBigDecimal("amount"), false));
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading outcome " + o.outcome().code() + " of " + o.decisionId(), e);
            }
        });
    }
}
