package io.nbo.common.persistence;

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

/**
 * Settings people change at run time (the fallback offer, whether the sample data was removed), one row each in
 * {@code nbo_setting}, with who changed them and when. Read at start-up and on change, never on the hot path.
 */
@ApplicationScoped
public class Settings {

    /** A stored setting; {@code value} may be null (set to nothing). */
    public record Setting(String name, String value, Instant updatedAt, String updatedBy) {
    }

    private final DataSource dataSource;

    public Settings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Setting> find(String name) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select setting_value, updated_at, updated_by from nbo_setting where name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Setting(name, rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                            : Optional.<Setting>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading setting " + name + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Writes the setting (insert or replace), inside the caller's transaction if there is one. */
    public Setting put(String name, String value, String by, Instant at) {
        QuarkusTransaction.joiningExisting().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement update = c.prepareStatement(
                         "update nbo_setting set setting_value = ?, updated_at = ?, updated_by = ? where name = ?");
                 PreparedStatement insert = c.prepareStatement("insert into nbo_setting (name, setting_value, "
                         + "updated_at, updated_by) values (?, ?, ?, ?)")) {
                OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
                update.setString(1, value);
                update.setObject(2, when);
                update.setString(3, by);
                update.setString(4, name);
                if (update.executeUpdate() == 0) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.setObject(3, when);
                    insert.setString(4, by);
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("writing setting " + name + " failed: " + e.getMessage(), e);
            }
        });
        return new Setting(name, value, at, by);
    }
}
