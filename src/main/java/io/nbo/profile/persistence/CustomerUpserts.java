package io.nbo.profile.persistence;

import io.nbo.event.persistence.BaselineRepository;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.fields.CustomerFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes many customers at once for imports, in one transaction per call, without Hibernate: on PostgreSQL one
 * multi-row {@code insert ... on conflict do update} that leaves a row that would not change untouched (so importing
 * the same file again writes nothing) and says which rows it inserted; on H2 (the dev default) a batch of
 * {@code merge}. Either all rows of a call are written or none, together with the purchase baselines of the rows
 * whose figures changed ({@link BaselineRepository}).
 */
@ApplicationScoped
public class CustomerUpserts {

    private static final List<String> COLUMNS = List.of("id", "age", "gender", "country", "region", "time_zone",
            "consents", "segments", "tags", "lifecycle_stage", "engagement", "recency_days", "frequency", "monetary",
            "top_categories", "top_items", "preferred_channels", "predicted_value", "churn_risk", "name", "email",
            "phone", "phone_digits", "attributes");
    private static final String ROW = "(" + "?, ".repeat(COLUMNS.size()) + "false, 0, ?)";
    private static final String INSERT = "insert into customer (" + String.join(", ", COLUMNS)
            + ", sample, version, updated_at) values ";
    private static final String ON_CONFLICT;

    static {
        List<String> data = COLUMNS.subList(1, COLUMNS.size());
        ON_CONFLICT = " on conflict (id) do update set " + String.join(", ", data.stream().map(c -> c + " = excluded."
                + c).toList()) + ", sample = false, version = customer.version + 1, updated_at = excluded.updated_at "
                + "where (" + String.join(", ", data.stream().map(c -> "customer." + c).toList()) + ", customer.sample) "
                + "is distinct from (" + String.join(", ", data.stream().map(c -> "excluded." + c).toList())
                + ", false) returning (xmax = 0) as inserted";
    }

    private final DataSource dataSource;
    private final BaselineRepository baselines;
    private volatile Boolean postgres;

    public CustomerUpserts(DataSource dataSource, BaselineRepository baselines) {
        this.dataSource = dataSource;
        this.baselines = baselines;
    }

    /** What one call wrote: rows inserted, rows changed; the others were already exactly as given. */
    public record Written(int inserted, int updated, int unchanged) {
    }

    /** More work on the upsert's connection, in its transaction, after the rows and baselines are written. */
    public interface AfterWrite {
        void run(Connection c) throws SQLException;
    }

    /** Inserts or replaces the profiles (ids unique within the call), all or none. */
    public Written upsert(List<CustomerProfile> profiles, Instant at) throws SQLException {
        return upsert(profiles, at, c -> { });
    }

    /** Inserts or replaces the profiles and runs {@code after} in the same transaction: all of it or none. */
    public Written upsert(List<CustomerProfile> profiles, Instant at, AfterWrite after) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, BaselineRepository.Figures> before = baselines.stored(c,
                        profiles.stream().map(CustomerProfile::id).toList());
                Written written = postgres(c) ? upsertPostgres(c, profiles, at) : mergeH2(c, profiles, at);
                baselines.rebase(c, profiles, before, at);
                after.run(c);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean postgres(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        return postgres;
    }

    private static Written upsertPostgres(Connection c, List<CustomerProfile> profiles, Instant at)
            throws SQLException {
        String sql = INSERT + String.join(", ", java.util.Collections.nCopies(profiles.size(), ROW)) + ON_CONFLICT;
        int inserted = 0;
        int updated = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            for (CustomerProfile profile : profiles) {
                p = bind(s, p, profile, at);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
        }
        return new Written(inserted, updated, profiles.size() - inserted - updated);
    }

    private static Written mergeH2(Connection c, List<CustomerProfile> profiles, Instant at) throws SQLException {
        String sql = "merge into customer (" + String.join(", ", COLUMNS) + ", sample, version, updated_at) key (id) "
                + "values " + ROW;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (CustomerProfile profile : profiles) {
                bind(s, 1, profile, at);
                s.addBatch();
            }
            s.executeBatch();
        }
        return new Written(0, profiles.size(), 0);
    }

    private static int bind(PreparedStatement s, int p, CustomerProfile c, Instant at) throws SQLException {
        s.setString(p++, c.id());
        if (c.age() == null) {
            s.setNull(p++, Types.INTEGER);
        } else {
            s.setInt(p++, c.age());
        }
        s.setString(p++, c.gender());
        s.setString(p++, c.country());
        s.setString(p++, c.region());
        s.setString(p++, c.timeZone().getId());
        s.setString(p++, String.join(",", c.consents().stream().sorted().map(Channel::code).toList()));
        s.setString(p++, String.join(",", c.segments().stream().sorted().toList()));
        s.setString(p++, String.join(",", c.tags().stream().sorted().toList()));
        s.setString(p++, c.lifecycleStage());
        s.setString(p++, c.engagement());
        if (c.recencyDays() == null) {
            s.setNull(p++, Types.INTEGER);
        } else {
            s.setInt(p++, c.recencyDays());
        }
        s.setInt(p++, c.frequency());
        s.setBigDecimal(p++, c.monetary().setScale(2, java.math.RoundingMode.HALF_UP));
        s.setString(p++, String.join(",", c.topCategories()));
        s.setString(p++, String.join(",", c.topItems()));
        s.setString(p++, String.join(",", c.preferredChannels().stream().map(Channel::code).toList()));
        s.setBigDecimal(p++, c.predictedValue().setScale(2, java.math.RoundingMode.HALF_UP));
        s.setDouble(p++, c.churnRisk());
        s.setString(p++, c.name());
        s.setString(p++, c.email());
        s.setString(p++, c.phone());
        s.setString(p++, CustomerFields.digits(c.phone()));
        s.setString(p++, AttributeJson.write(c.attributes()));
        s.setTimestamp(p++, Timestamp.from(at));
        return p;
    }
}
