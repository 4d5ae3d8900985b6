package io.nbo.experiment;

import static io.nbo.support.Callers.asMarketer;

import io.restassured.http.ContentType;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * A finished experiment with a hand-built exposure and purchase history, in March 2025 (it ended then, so it touches
 * no decision made now): 100 customers in the control, 10 of whom bought after their exposure; 100 in the treatment,
 * 20 of whom bought. Lift 10 points; 95% interval 0.2 to 19.8 points (unpooled standard error 0.05).
 */
@Singleton
public class LiftHistoryFixture {

    public static final String KEY = "studio-lift-test";

    private static final String DEFINITION = """
            {"name": "Studio lift test", "layer": "studio-lift-test", "offers": ["TEST-FUNNEL-A"],
             "startsAt": "2025-03-01T00:00:00Z", "endsAt": "2025-04-01T00:00:00Z",
             "arms": [{"name": "control", "share": 0.5, "control": true, "treatment": "no-offer"},
                      {"name": "treated", "share": 0.5, "treatment": "current"}]}
            """;

    private final DataSource dataSource;

    public LiftHistoryFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void load() {
        asMarketer().contentType(ContentType.JSON).body(DEFINITION).put("/api/experiments/" + KEY)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.equalTo(200),
                        org.hamcrest.Matchers.equalTo(201)));
        OffsetDateTime exposed = OffsetDateTime.of(2025, 3, 5, 10, 0, 0, 0, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("delete from decision_experiment where experiment_key = ?")) {
                s.setString(1, KEY);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from history_contact where import_id = ?")) {
                s.setString(1, KEY);
                s.executeUpdate();
            }
            for (int i = 0; i < 200; i++) {
                String arm = i < 100 ? "control" : "treated";
                String customer = "LIFT-" + i;
                try (PreparedStatement s = c.prepareStatement("insert into decision_experiment (decision_id, "
                        + "experiment_key, experiment_version, arm, customer_id, decided_at) values (?, ?, 1, ?, ?, ?)")) {
                    s.setString(1, "lift-" + i);
                    s.setString(2, KEY);
                    s.setString(3, arm);
                    s.setString(4, customer);
                    s.setObject(5, exposed);
                    s.executeUpdate();
                }
                boolean bought = i < 10 || (i >= 100 && i < 120);
                if (bought) {
                    try (PreparedStatement s = c.prepareStatement("insert into history_contact (customer_id, offer_id, "
                            + "channel, occurred_at, outcome, amount, import_id) values (?, 'TEST-FUNNEL-A', 'email', ?, "
                            + "'PURCHASED', 10.00, ?)")) {
                        s.setString(1, customer);
                        s.setObject(2, exposed.plusDays(1));
                        s.setString(3, KEY);
                        s.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
