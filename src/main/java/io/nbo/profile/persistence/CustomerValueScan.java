package io.nbo.profile.persistence;

import io.nbo.common.persistence.StringListConverter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The distinct values the customer base holds in its code-like text columns (gender, country, region, segments, tags,
 * top categories, top items), read in one streaming pass over the customer table on a plain connection (rows are
 * fetched in batches and not kept). Decision-table checks warn about values no customer has; they call this in the
 * background, at most every few minutes, never once per upload.
 */
@ApplicationScoped
public class CustomerValueScan {

    /** The attributes scanned, by the name used in the result. */
    public static final List<String> ATTRIBUTES = List.of("gender", "country", "region", "segments", "tags",
            "topCategories", "topItems");
    private static final String SELECT = "select gender, country, region, segments, tags, top_categories, top_items "
            + "from customer";
    private static final StringListConverter LIST = new StringListConverter();

    /** What one scan found: per attribute its distinct values, or null when there were more than the cap. */
    public record Found(long customers, Map<String, Set<String>> values) {
    }

    private final DataSource dataSource;

    public CustomerValueScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One pass; an attribute with more than {@code maxDistinct} values is given as null (free text, not a code). */
    public Found scan(int maxDistinct) {
        Map<String, Set<String>> values = new HashMap<>();
        ATTRIBUTES.forEach(a -> values.put(a, new HashSet<>()));
        long customers = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        customers++;
                        add(values, "gender", rs.getString(1), maxDistinct);
                        add(values, "country", rs.getString(2), maxDistinct);
                        add(values, "region", rs.getString(3), maxDistinct);
                        addAll(values, "segments", rs.getString(4), maxDistinct);
                        addAll(values, "tags", rs.getString(5), maxDistinct);
                        addAll(values, "topCategories", rs.getString(6), maxDistinct);
                        addAll(values, "topItems", rs.getString(7), maxDistinct);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the values customers hold failed: " + e.getMessage(), e);
        }
        Map<String, Set<String>> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : Set.copyOf(v)));
        return new Found(customers, out);
    }

    private static void addAll(Map<String, Set<String>> values, String attribute, String column, int max) {
        for (String value : LIST.convertToEntityAttribute(column)) {
            add(values, attribute, value, max);
        }
    }

    private static void add(Map<String, Set<String>> values, String attribute, String value, int max) {
        Set<String> set = values.get(attribute);
        if (set == null || value == null || value.isBlank()) {
            return;
        }
        set.add(value.trim());
        if (set.size() > max) {
            values.put(attribute, null);
        }
    }
}
