package io.nbo.contact.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Replaces a customer's id in the decision log and the outcomes with a one-way token (erasure): the rows stay for
 * reporting (what was offered, on which channel, with what result), no longer linked to the person.
 */
@ApplicationScoped
public class ContactPseudonyms {

    /** How many rows now carry the token instead of the id. */
    public record Replaced(int decisions, int outcomes) {
        public boolean none() {
            return decisions == 0 && outcomes == 0;
        }
    }

    private final DataSource dataSource;

    public ContactPseudonyms(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the id with the token in every decision and outcome row, in the caller's transaction if any. */
    public Replaced replace(String customerId, String token) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement d = c.prepareStatement("update decision_log set customer_id = ? where customer_id = ?");
                 PreparedStatement o = c.prepareStatement(
                         "update decision_outcome set customer_id = ? where customer_id = ?");
                 PreparedStatement x = c.prepareStatement(
                         "update decision_experiment set customer_id = ? where customer_id = ?");
                 PreparedStatement h = c.prepareStatement(
                         "update history_contact set customer_id = ? where customer_id = ?");
                 PreparedStatement s = c.prepareStatement("delete from own_score where customer_id = ?")) {
                d.setString(1, token);
                d.setString(2, customerId);
                o.setString(1, token);
                o.setString(2, customerId);
                // experiment exposure and imported history keep counting for lift and learning, under the token
                x.setString(1, token);
                x.setString(2, customerId);
                x.executeUpdate();
                h.setString(1, token);
                h.setString(2, customerId);
                h.executeUpdate();
                s.setString(1, customerId);
                s.executeUpdate();
                return new Replaced(d.executeUpdate(), o.executeUpdate());
            } catch (SQLException e) {
                throw Jdbc.failure("pseudonymising a customer's contact history", e);
            }
        });
    }
}
