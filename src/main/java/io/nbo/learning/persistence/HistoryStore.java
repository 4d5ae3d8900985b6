package io.nbo.learning.persistence;

import io.nbo.learning.service.HistoryRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Imported history in the database ({@code history_contact}, V50). On PostgreSQL a batch is COPied into a temporary
 * table and moved over with {@code on conflict do nothing}, so a row already imported (same customer, offer, channel,
 * time and outcome) is skipped, not doubled; elsewhere (H2, the embedded default) conditional inserts in a JDBC batch.
 */
@ApplicationScoped
public class HistoryStore {

    private static final String COLUMNS = "customer_id, offer_id, channel, occurred_at, outcome, amount, segment, "
            + "import_id";

    private final DataSource dataSource;

    public HistoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the rows (one transaction); returns how many were new. */
    public int write(List<HistoryRow> rows, String importId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isWrapperFor(PGConnection.class) ? copy(c, rows, importId) : insert(c, rows, importId);
            } catch (SQLException e) {
                throw new IllegalStateException("writing " + rows.size() + " history rows: " + e.getMessage(), e);
            }
        });
    }

    private static int copy(Connection c, List<HistoryRow> rows, String importId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists history_stage (like history_contact including defaults) "
                    + "on commit delete rows");
        }
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (HistoryRow r : rows) {
            text.append(quote(r.customerId())).append(',').append(quote(r.offerId())).append(',')
                    .append(r.channel()).append(',').append(r.occurredAt().atOffset(ZoneOffset.UTC)).append(',')
                    .append(r.outcome()).append(',').append(r.amount() == null ? "" : r.amount().toPlainString())
                    .append(',').append(r.segment() == null ? "" : quote(r.segment())).append(',')
                    .append(importId).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy history_stage (" + COLUMNS
                    + ") from stdin with (format csv)", new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("copying history rows", e);
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("insert into history_contact (" + COLUMNS + ") select " + COLUMNS
                    + " from history_stage on conflict do nothing");
        }
    }

    private static int insert(Connection c, List<HistoryRow> rows, String importId) throws SQLException {
        String sql = "insert into history_contact (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ? where not exists "
                + "(select 1 from history_contact where customer_id = ? and offer_id = ? and channel = ? "
                + "and occurred_at = ? and outcome = ?)";
        int added = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (HistoryRow r : rows) {
                var at = r.occurredAt().atOffset(ZoneOffset.UTC);
                s.setString(1, r.customerId());
                s.setString(2, r.offerId());
                s.setString(3, r.channel());
                s.setObject(4, at);
                s.setString(5, r.outcome());
                s.setBigDecimal(6, r.amount());
                s.setString(7, r.segment());
                s.setString(8, importId);
                s.setString(9, r.customerId());
                s.setString(10, r.offerId());
                s.setString(11, r.channel());
                s.setObject(12, at);
                s.setString(13, r.outcome());
                s.addBatch();
            }
            for (int n : s.executeBatch()) {
                added += Math.max(n, 0);
            }
        }
        return added;
    }

    /** A CSV cell: quoted, quotes doubled (the customer and offer ids and segments are the only free text). */
    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
