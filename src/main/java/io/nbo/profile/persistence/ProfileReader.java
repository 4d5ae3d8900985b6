package io.nbo.profile.persistence;

import io.nbo.common.persistence.StringListConverter;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The hot path's cold read of a profile: one plain {@code select} by primary key on an auto-commit connection, mapped
 * straight to the immutable {@link CustomerProfile}. No JTA transaction, no persistence context, no entity: a cache
 * miss costs one round trip. Writes and admin reads stay with Hibernate ({@code ProfileService}); the mapping here
 * must agree with {@link ProfileMapper#toProfile}, which {@code ProfileStoreTest} checks field by field.
 */
@ApplicationScoped
public class ProfileReader {

    public static final String COLUMNS = "id, age, gender, country, region, time_zone, consents, segments, tags, "
            + "lifecycle_stage, engagement, recency_days, frequency, monetary, top_categories, top_items, "
            + "preferred_channels, predicted_value, churn_risk, name, email, phone, attributes";
    private static final String SELECT = "select " + COLUMNS + " from customer where id = ?";
    private static final StringListConverter LIST = new StringListConverter();

    private final DataSource dataSource;

    public ProfileReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<CustomerProfile> find(String customerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            // No customer id and no driver message here: both can end up in a log (docs/security.md).
            throw new IllegalStateException("reading a profile failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Many profiles in one query (in the caller's transaction when there is one), by id; absent ids are left out. */
    public java.util.Map<String, CustomerProfile> findAll(List<String> customerIds) {
        java.util.Map<String, CustomerProfile> out = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        String sql = "select " + COLUMNS + " from customer where id in ("
                + String.join(", ", java.util.Collections.nCopies(customerIds.size(), "?")) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < customerIds.size(); i++) {
                s.setString(i + 1, customerIds.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CustomerProfile p = profile(rs);
                    out.put(p.id(), p);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading profiles failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The profile in the current row of a select of every column {@link #find} reads. */
    public static CustomerProfile profile(ResultSet rs) throws SQLException {
        return new CustomerProfile(rs.getString("id"), true, rs.getObject("age", Integer.class),
                rs.getString("gender"), rs.getString("country"), rs.getString("region"),
                ZoneId.of(rs.getString("time_zone")),
                channels(rs.getString("consents")).stream().collect(Collectors.toUnmodifiableSet()),
                new LinkedHashSet<>(LIST.convertToEntityAttribute(rs.getString("segments"))),
                new LinkedHashSet<>(LIST.convertToEntityAttribute(rs.getString("tags"))),
                rs.getString("lifecycle_stage"), rs.getString("engagement"),
                rs.getObject("recency_days", Integer.class), rs.getInt("frequency"), rs.getBigDecimal("monetary"),
                LIST.convertToEntityAttribute(rs.getString("top_categories")),
                LIST.convertToEntityAttribute(rs.getString("top_items")),
                channels(rs.getString("preferred_channels")), rs.getBigDecimal("predicted_value"),
                rs.getDouble("churn_risk"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                AttributeJson.read(rs.getString("attributes")));
    }

    private static List<Channel> channels(String column) {
        return LIST.convertToEntityAttribute(column).stream().map(Channel::fromCode).flatMap(Optional::stream)
                .toList();
    }
}
