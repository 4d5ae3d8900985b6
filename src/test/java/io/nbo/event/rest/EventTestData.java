package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;

import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;

/** Customers for the event tests, starting with no events, aggregates, segments or outbox entries. */
@ApplicationScoped
public class EventTestData {

    static final List<String> TABLES = List.of("customer_event", "customer_purchase_month", "customer_item_stat",
            "customer_channel_stat", "customer_activity", "customer_consent_change", "customer_segment",
            "offer_outbox", "customer_baseline", "trigger_firing");

    private final DataSource dataSource;

    public EventTestData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh customer in London with these consents and segments (JSON arrays). */
    public void customer(String id, String consents, String segments) throws Exception {
        forget(id);
        asAdmin().contentType(ContentType.JSON).body("""
                {"id": "%s", "timeZone": "Europe/London", "consents": %s, "segments": %s, "lifecycleStage": "prospect",
                 "engagement": "unknown"}
                """.formatted(id, consents, segments)).post("/api/customers").then().statusCode(201);
    }

    /** Deletes the customer and everything events left for them, straight in the database. */
    public void forget(String id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where customer_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("delete from customer where id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
    }

    public long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
