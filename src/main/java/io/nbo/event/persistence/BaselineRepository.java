package io.nbo.event.persistence;

import io.nbo.common.persistence.StringListConverter;
import io.nbo.event.core.Baseline;
import io.nbo.profile.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The purchase baselines ({@code customer_baseline}, V70). A profile write whose purchase figures (recency,
 * frequency, monetary, top categories and items) differ from the stored ones makes them the customer's baseline as of
 * the write and clears the purchase state events had built, so the events after it add on top and none is counted
 * twice. Works on the writer's connection, in its transaction: the figures and the row are written together or not.
 */
@ApplicationScoped
public class BaselineRepository {

    private static final StringListConverter LIST = new StringListConverter();

    /** A profile's purchase figures as stored or as written. */
    public record Figures(Integer recencyDays, int frequency, BigDecimal monetary, List<String> topCategories,
                          List<String> topItems) {

        public Figures {
            monetary = monetary == null ? BigDecimal.ZERO.setScale(2) : monetary.setScale(2, RoundingMode.HALF_UP);
            topCategories = List.copyOf(topCategories);
            topItems = List.copyOf(topItems);
        }

        static Figures of(CustomerProfile p) {
            return new Figures(p.recencyDays(), p.frequency(), p.monetary(), p.topCategories(), p.topItems());
        }

        boolean empty() {
            return recencyDays == null && frequency == 0 && monetary.signum() == 0 && topCategories.isEmpty()
                    && topItems.isEmpty();
        }
    }

    private final Sql sql;

    public BaselineRepository(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** The stored figures of these customers (absent: no such customer yet), read before a write. */
    public Map<String, Figures> stored(Connection c, List<String> ids) throws SQLException {
        Map<String, Figures> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("select id, recency_days, frequency, monetary, top_categories, "
                + "top_items from customer where id in (" + Sql.marks(ids.size()) + ")")) {
            Sql.ids(ids).bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Figures(rs.getObject(2, Integer.class), rs.getInt(3),
                            rs.getBigDecimal(4), LIST.convertToEntityAttribute(rs.getString(5)),
                            LIST.convertToEntityAttribute(rs.getString(6))));
                }
            }
        }
        return out;
    }

    /**
     * After the profiles were written: each whose figures changed (a new customer: has any) gets them as its
     * baseline as of {@code at}, and its event-built purchase state is cleared. Returns how many were rebased.
     */
    public int rebase(Connection c, List<CustomerProfile> written, Map<String, Figures> before, Instant at)
            throws SQLException {
        List<CustomerProfile> changed = new ArrayList<>();
        for (CustomerProfile p : written) {
            Figures now = Figures.of(p);
            Figures was = before.get(p.id());
            if (was == null ? !now.empty() : !now.equals(was)) {
                changed.add(p);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        List<String> ids = changed.stream().map(CustomerProfile::id).toList();
        String in = " where customer_id in (" + Sql.marks(ids.size()) + ")";
        for (String statement : List.of("delete from customer_purchase_month" + in,
                "delete from customer_item_stat" + in, "delete from customer_baseline" + in,
                "update customer_activity set first_purchase_at = null, last_purchase_at = null" + in)) {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                Sql.ids(ids).bind(s);
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into customer_baseline (customer_id, as_of, "
                + "recency_days, frequency, monetary, top_categories, top_items) values (?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime asOf = at.atOffset(ZoneOffset.UTC);
            for (CustomerProfile p : changed) {
                Figures f = Figures.of(p);
                s.setString(1, p.id());
                s.setObject(2, asOf);
                if (f.recencyDays() == null) {
                    s.setNull(3, Types.INTEGER);
                } else {
                    s.setInt(3, f.recencyDays());
                }
                s.setInt(4, f.frequency());
                s.setBigDecimal(5, f.monetary());
                s.setString(6, LIST.convertToDatabaseColumn(f.topCategories()));
                s.setString(7, LIST.convertToDatabaseColumn(f.topItems()));
                s.addBatch();
            }
            s.executeBatch();
        }
        return changed.size();
    }

    /** The customer's baseline, in the caller's transaction. */
    public Optional<Baseline> of(String customerId) {
        return sql.query("select as_of, recency_days, frequency, monetary, top_categories, top_items from "
                + "customer_baseline where customer_id = ?", s -> s.setString(1, customerId), rs -> rs.next()
                ? Optional.of(new Baseline(Sql.instant(rs, "as_of"), rs.getObject(2, Integer.class), rs.getInt(3),
                        rs.getBigDecimal(4), LIST.convertToEntityAttribute(rs.getString(5)),
                        LIST.convertToEntityAttribute(rs.getString(6))))
                : Optional.empty());
    }
}
