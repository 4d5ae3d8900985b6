package io.nbo.funnel.persistence;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.funnel.FunnelCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The funnel's counts, one grouped query over the decision log (offers made) and their outcomes, by plain JDBC on
 * PostgreSQL and H2 alike. Offers made are counted by the time of their decision, and outcomes with the offer they
 * belong to (a cohort: "of the offers made that day, how many were opened"). Per offer, the counts are grouped by
 * quarter hour since the epoch, which the service folds into days or weeks in any time zone (every zone's offset is
 * a whole number of quarter hours); the summary groups by offer alone. Indexes: V85.
 */
@ApplicationScoped
public class FunnelQuery {

    /** Seconds in the finest group: every time zone's offset from UTC is a multiple of it. */
    public static final int QUARTER_HOUR = 900;

    private static final String COUNTS = """
            count(distinct o.decision_id),
            count(case when x.outcome = 'SENT' then 1 end),
            count(case when x.outcome = 'DELIVERED' then 1 end),
            count(case when x.outcome = 'OPENED' then 1 end),
            count(case when x.outcome = 'CLICKED' then 1 end),
            count(case when x.outcome = 'ACCEPTED' then 1 end),
            count(case when x.outcome = 'REJECTED' then 1 end),
            count(case when x.outcome = 'PURCHASED' then 1 end)""";
    private static final String FROM = """
             from decision_log l
             join decision_offer o on o.decision_id = l.id
             left join decision_outcome x on x.decision_id = o.decision_id and x.offer_id = o.offer_id
            where l.decided_at >= ? and l.decided_at < ?""";
    private static final String PER_QUARTER = "select floor(extract(epoch from l.decided_at) / " + QUARTER_HOUR
            + "), " + COUNTS + FROM + " and o.offer_id = ? group by floor(extract(epoch from l.decided_at) / "
            + QUARTER_HOUR + ")";
    private static final String PER_OFFER = "select o.offer_id, " + COUNTS + FROM + " group by o.offer_id";

    private static final Logger LOG = Logger.getLogger(FunnelQuery.class);

    private final DataSource dataSource;

    public FunnelQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One offer's counts in [start, end), keyed by quarter hour since the epoch. */
    public Map<Long, FunnelCounts> perQuarterHour(String offerId, Instant start, Instant end) {
        Map<Long, FunnelCounts> out = new LinkedHashMap<>();
        run(PER_QUARTER, start, end, offerId, (rs, counts) -> out.put(longAt(rs), counts));
        return out;
    }

    /** Every offer's counts in [start, end), for the offers made in it. */
    public Map<String, FunnelCounts> perOffer(Instant start, Instant end) {
        Map<String, FunnelCounts> out = new LinkedHashMap<>();
        run(PER_OFFER, start, end, null, (rs, counts) -> out.put(stringAt(rs), counts));
        return out;
    }

    private void run(String sql, Instant start, Instant end, String offerId, BiConsumer<ResultSet, FunnelCounts> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            s.setObject(2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
            if (offerId != null) {
                s.setString(3, offerId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs, new FunnelCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static long longAt(ResultSet rs) {
        try {
            return rs.getBigDecimal(1).longValueExact();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static String stringAt(ResultSet rs) {
        try {
            return rs.getString(1);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The database could not answer: 503, and the SQLState (never the message, which may quote values) logged. */
    private static UnavailableProblem unavailable(SQLException e) {
        LOG.warnf("reading the funnel counts failed (SQLState %s)", e.getSQLState());
        return new UnavailableProblem("The funnel counts cannot be read now: the database did not answer; try "
                + "again in a few seconds", 5);
    }
}
