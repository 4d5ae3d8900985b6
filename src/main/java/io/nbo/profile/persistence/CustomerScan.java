package io.nbo.profile.persistence;

import io.nbo.profile.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads many customers without holding them: every customer in id order, streamed from a database cursor (exports),
 * and the call-centre search by id, name fragment, e-mail or phone, a page at a time.
 */
@ApplicationScoped
public class CustomerScan {

    private static final int FETCH = 1000;

    private final DataSource dataSource;

    public CustomerScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands every customer, in id order, to {@code each}; only one fetch of rows is in memory at a time. */
    public long each(Consumer<CustomerProfile> each) {
        long n = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement("select " + ProfileReader.COLUMNS
                    + " from customer order by id")) {
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(ProfileReader.profile(rs));
                        n++;
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading customers failed (SQLState " + e.getSQLState() + ")", e);
        }
        return n;
    }

    /** How the search reads its text. */
    public enum Key { ID, EMAIL, PHONE, NAME }

    /**
     * One page of customers matching {@code text} by {@code key}, plus one more row when there are more (so the caller
     * can say so without counting): an exact id; an e-mail by its start; a phone by its digits anywhere (the last
     * digits a caller reads out); a name fragment anywhere, case-insensitively (a trigram index on PostgreSQL).
     */
    public List<CustomerProfile> search(Key key, String text, int page, int size) {
        String where = switch (key) {
            case ID -> "id = ?";
            case EMAIL -> "email like ? escape '!'";
            case PHONE -> "phone_digits like ? escape '!'";
            case NAME -> "lower(name) like ? escape '!'";
        };
        String sql = "select " + ProfileReader.COLUMNS + " from customer where " + where
                + " order by name, id limit ? offset ?";
        String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        List<CustomerProfile> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            switch (key) {
                case ID -> s.setString(p++, text);
                case EMAIL -> s.setString(p++, escaped + "%");
                case PHONE -> s.setString(p++, "%" + escaped + "%");
                case NAME -> s.setString(p++, "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
            }
            s.setInt(p++, size + 1);
            s.setLong(p, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(ProfileReader.profile(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("searching customers failed (SQLState " + e.getSQLState() + ")", e);
        }
        return out;
    }
}
