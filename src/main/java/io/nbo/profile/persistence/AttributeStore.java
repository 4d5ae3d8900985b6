package io.nbo.profile.persistence;

import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.AttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The declared custom attributes ({@code customer_attribute}) and every version of each
 * ({@code customer_attribute_change}), read and written with plain JDBC: a declaration and its change row commit
 * together.
 */
@ApplicationScoped
public class AttributeStore {

    private static final String COLUMNS = "name, type, label, description, allowed, version, created_at, created_by, "
            + "updated_at, updated_by";

    private final DataSource dataSource;

    public AttributeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<AttributeDeclaration> all() {
        return query("select " + COLUMNS + " from customer_attribute order by name", null);
    }

    /** Every version of one attribute, oldest first. */
    public List<AttributeDeclaration> versions(String name) {
        List<AttributeDeclaration> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select name, type, label, description, allowed, version, changed_at, changed_by "
                        + "from customer_attribute_change where name = ? order by version")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AttributeDeclaration(rs.getString(1), type(rs.getString(2)), rs.getString(3),
                            rs.getString(4), split(rs.getString(5)), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading attribute versions", e);
        }
        return out;
    }

    /** Inserts a new declaration (version 1), or updates one whose stored version is {@code version - 1}. */
    public boolean write(AttributeDeclaration a) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int changed;
                if (a.version() == 1) {
                    try (PreparedStatement s = c.prepareStatement("insert into customer_attribute (" + COLUMNS
                            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, a.name());
                        s.setString(2, a.type().code());
                        s.setString(3, a.label());
                        s.setString(4, a.description());
                        s.setString(5, String.join(",", a.allowed()));
                        s.setInt(6, 1);
                        s.setTimestamp(7, Timestamp.from(a.createdAt()));
                        s.setString(8, a.createdBy());
                        s.setTimestamp(9, Timestamp.from(a.updatedAt()));
                        s.setString(10, a.updatedBy());
                        changed = s.executeUpdate();
                    }
                } else {
                    try (PreparedStatement s = c.prepareStatement("update customer_attribute set label = ?, "
                            + "description = ?, allowed = ?, version = ?, updated_at = ?, updated_by = ? "
                            + "where name = ? and version = ?")) {
                        s.setString(1, a.label());
                        s.setString(2, a.description());
                        s.setString(3, String.join(",", a.allowed()));
                        s.setInt(4, a.version());
                        s.setTimestamp(5, Timestamp.from(a.updatedAt()));
                        s.setString(6, a.updatedBy());
                        s.setString(7, a.name());
                        s.setInt(8, a.version() - 1);
                        changed = s.executeUpdate();
                    }
                }
                if (changed != 1) {
                    c.rollback();
                    return false;
                }
                try (PreparedStatement s = c.prepareStatement("insert into customer_attribute_change (name, version, "
                        + "type, label, description, allowed, changed_at, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, a.name());
                    s.setInt(2, a.version());
                    s.setString(3, a.type().code());
                    s.setString(4, a.label());
                    s.setString(5, a.description());
                    s.setString(6, String.join(",", a.allowed()));
                    s.setTimestamp(7, Timestamp.from(a.updatedAt()));
                    s.setString(8, a.updatedBy());
                    s.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState()) || "23001".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed("writing an attribute", e);
        }
    }

    private List<AttributeDeclaration> query(String sql, String name) {
        List<AttributeDeclaration> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (name != null) {
                s.setString(1, name);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AttributeDeclaration(rs.getString(1), type(rs.getString(2)), rs.getString(3),
                            rs.getString(4), split(rs.getString(5)), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading attributes", e);
        }
        return out;
    }

    private static AttributeType type(String code) {
        return AttributeType.fromCode(code).orElse(AttributeType.TEXT);
    }

    private static List<String> split(String allowed) {
        return allowed == null || allowed.isEmpty() ? List.of() : Arrays.asList(allowed.split(","));
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed (SQLState " + e.getSQLState() + ")", e);
    }
}
