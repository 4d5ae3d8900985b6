package io.nbo.profile.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The record of erasures, by pseudonym (never the erased id): who erased, when, and how many rows it touched. */
@ApplicationScoped
public class ErasureLog {

    private final DataSource dataSource;

    public ErasureLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String pseudonym, Instant at, String by, boolean profileDeleted, int decisions, int outcomes) {
        QuarkusTransaction.joiningExisting().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into customer_erasure (pseudonym, erased_at, erased_by, profile_deleted, decisions, "
                            + "outcomes) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, pseudonym);
                s.setObject(2, at.atOffset(ZoneOffset.UTC));
                s.setString(3, by);
                s.setBoolean(4, profileDeleted);
                s.setInt(5, decisions);
                s.setInt(6, outcomes);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("recording an erasure failed: " + e.getMessage(), e);
            }
        });
    }

    /** When this pseudonym was first erased, if ever. */
    public Optional<Instant> firstErased(String pseudonym) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select min(erased_at) from customer_erasure where pseudonym = ?")) {
                s.setString(1, pseudonym);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading erasures failed: " + e.getMessage(), e);
            }
        });
    }
}
