package io.nbo.campaign.run.persistence;

import io.nbo.campaign.run.RunSpec;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.ProfileReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A run's audience read from the customer table in pages, by keyset on the customer id ({@code id > last order by id
 * limit n}: each page costs the same however deep the run is, unlike OFFSET), for everyone, a segment (the profile's
 * segments column, rule-assigned and imported ones alike) or a list kept with the run.
 */
@ApplicationScoped
public class AudienceReader {

    private final DataSource dataSource;

    public AudienceReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The next page after {@code afterId} (null: from the start), at most {@code size} customers, in id order. */
    public List<CustomerProfile> page(RunSpec spec, String afterId, int size) {
        String sql = "select " + columns("c") + " from customer c" + join(spec) + " where 1 = 1" + filter(spec)
                + " and c.id > ? order by c.id limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = bind(s, spec);
            s.setString(p++, afterId == null ? "" : afterId);
            s.setInt(p, size);
            List<CustomerProfile> out = new ArrayList<>(size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(ProfileReader.profile(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw RunStore.failure("reading a page of the audience", e);
        }
    }

    public long count(RunSpec spec) {
        String sql = "select count(*) from customer c" + join(spec) + " where 1 = 1" + filter(spec);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, spec);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw RunStore.failure("counting the audience", e);
        }
    }

    /**
     * An even sample of about {@code wanted} customers: every k-th id of the audience in id order (ids only are read
     * for the stride), then their profiles.
     */
    public List<CustomerProfile> sample(RunSpec spec, long total, int wanted) {
        long every = Math.max(1, (total + wanted - 1) / Math.max(1, wanted));
        String sql = "select id from (select c.id, row_number() over (order by c.id) as n from customer c" + join(spec)
                + " where 1 = 1" + filter(spec) + ") numbered where mod(n - 1, ?) = 0 order by id";
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = bind(s, spec);
            s.setLong(p, every);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw RunStore.failure("sampling the audience", e);
        }
        List<CustomerProfile> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            out.addAll(profiles(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return out;
    }

    private List<CustomerProfile> profiles(List<String> ids) {
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        String sql = "select " + columns("c") + " from customer c where c.id in (" + marks + ") order by c.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            List<CustomerProfile> out = new ArrayList<>(ids.size());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(ProfileReader.profile(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw RunStore.failure("reading sampled customers", e);
        }
    }

    /** True when at least one customer is in the segment. */
    public boolean segmentHasCustomers(String segment) {
        String sql = "select 1 from customer c where " + SEGMENT + " limit 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, segment);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw RunStore.failure("looking up a segment", e);
        }
    }

    /** How many of the ids are known customers. */
    public long known(List<String> ids) {
        long n = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select count(*) from customer where id in (" + marks
                         + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    n += rs.getLong(1);
                }
            } catch (SQLException e) {
                throw RunStore.failure("looking up customer ids", e);
            }
        }
        return n;
    }

    /** Segments are a comma-separated column; the name is matched whole. */
    private static final String SEGMENT = "(',' || c.segments || ',') like ('%,' || ? || ',%')";

    private static String join(RunSpec spec) {
        return spec.audience().kind() == RunSpec.Audience.Kind.LIST
                ? " join campaign_audience a on a.customer_id = c.id and a.run_id = ?" : "";
    }

    private static String filter(RunSpec spec) {
        return spec.audience().kind() == RunSpec.Audience.Kind.SEGMENT ? " and " + SEGMENT : "";
    }

    private static int bind(PreparedStatement s, RunSpec spec) throws SQLException {
        int p = 1;
        if (spec.audience().kind() == RunSpec.Audience.Kind.LIST) {
            s.setString(p++, spec.id());
        }
        if (spec.audience().kind() == RunSpec.Audience.Kind.SEGMENT) {
            s.setString(p++, spec.audience().segment());
        }
        return p;
    }

    private static String columns(String alias) {
        StringBuilder out = new StringBuilder();
        for (String column : ProfileReader.COLUMNS.split(",\\s*")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(column);
        }
        return out.toString();
    }
}
