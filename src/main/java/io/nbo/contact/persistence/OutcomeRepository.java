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

/**
 * Outcomes in the database: one row per decision, offer and outcome, so recording twice changes nothing. They are
 * written with the decision log, in its batches ({@link DecisionLogRepository#write}); this reads them back.
 */
@ApplicationScoped
public class OutcomeRepository {

    private final DataSource dataSource;

    public OutcomeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored outcome of the same decision, offer and type as {@code wanted}, if there is one. */
    public Optional<RecordedOutcome> find(RecordedOutcome wanted) {
        String sql = "select * from decision_outcome where decision_id = ? and offer_id = ? and outcome = ?";
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, wanted.decisionId());
                s.setString(2, wanted.offerId());
                s.setString(3, wanted.outcome().name());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<RecordedOutcome>empty();
                    }
                    return Optional.of(new RecordedOutcome(wanted.decisionId(), wanted.offerId(),
                            rs.getString("customer_id"), wanted.channel(),
                            ContactEventType.valueOf(rs.getString("outcome")), Jdbc.instant(rs, "occurred_at"),
                            Jdbc.instant(rs, "recorded_at"), rs.getBigDecimal("amount"), false));
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading outcome " + wanted.outcome().code() + " of " + wanted.decisionId(), e);
            }
        });
    }
}
