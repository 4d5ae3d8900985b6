package io.nbo.experiment.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.decision.core.experiment.Arm;
import io.nbo.decision.core.experiment.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Experiment versions in the database (V50, {@code experiment_version}), by plain JDBC: each change is a new row, the
 * highest version of a key is in force. Arms are kept as JSON.
 */
@ApplicationScoped
public class ExperimentStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENT = """
            select * from experiment_version v
             where version = (select max(version) from experiment_version w where w.experiment_key = v.experiment_key)
             order by created_at, experiment_key""";

    private final DataSource dataSource;

    public ExperimentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored version with who made it and when. */
    public record Stored(Experiment experiment, Instant createdAt, String createdBy) {
    }

    public List<Stored> current() {
        return query(CURRENT);
    }

    public List<Stored> versions(String key) {
        return query("select * from experiment_version where experiment_key = ? order by version", key);
    }

    public void insert(Experiment e, Instant at, String by) {
        String sql = """
                insert into experiment_version (experiment_key, version, name, layer, bucket_from, bucket_to, arms,
                                                offers, segments, starts_at, ends_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, e.key());
            s.setInt(2, e.version());
            s.setString(3, e.name());
            s.setString(4, e.layer());
            s.setInt(5, e.bucketFrom());
            s.setInt(6, e.bucketTo());
            s.setString(7, JSON.writeValueAsString(e.arms()));
            s.setString(8, String.join(",", e.offers().stream().sorted().toList()));
            s.setString(9, String.join(",", e.segments().stream().sorted().toList()));
            s.setObject(10, utc(e.startsAt()));
            s.setObject(11, e.endsAt() == null ? null : utc(e.endsAt()));
            s.setObject(12, utc(at));
            s.setString(13, by);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException ex) {
            throw new IllegalStateException("storing experiment " + e.key() + " v" + e.version() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private List<Stored> query(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading experiments: " + e.getMessage(), e);
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        List<Arm> arms;
        try {
            arms = JSON.readValue(rs.getString("arms"), new TypeReference<List<Arm>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment " + rs.getString("experiment_key") + " has unreadable arms",
                    e);
        }
        OffsetDateTime ends = rs.getObject("ends_at", OffsetDateTime.class);
        Experiment e = new Experiment(rs.getString("experiment_key"), rs.getInt("version"), rs.getString("name"),
                rs.getString("layer"), rs.getInt("bucket_from"), rs.getInt("bucket_to"), arms,
                list(rs.getString("offers")), list(rs.getString("segments")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), ends == null ? null : ends.toInstant());
        return new Stored(e, rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    private static Set<String> list(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
