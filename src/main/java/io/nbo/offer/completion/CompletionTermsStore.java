package io.nbo.offer.completion;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The offers' completion terms (V42), with plain statements. */
@ApplicationScoped
public class CompletionTermsStore {

    private final DataSource dataSource;

    public CompletionTermsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<CompletionTerms> find(String offerId) {
        return of(List.of(offerId)).stream().findFirst();
    }

    /** The terms of those offers that have any. */
    public List<CompletionTerms> of(Collection<String> offerIds) {
        if (offerIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(offerIds.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select offer_id, min_spend, category, within_days from offer_completion_terms where offer_id in ("
                        + marks + ")")) {
            int i = 1;
            for (String id : offerIds) {
                s.setString(i++, id);
            }
            List<CompletionTerms> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CompletionTerms(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public void put(CompletionTerms t, String by, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from offer_completion_terms where offer_id = ?");
             PreparedStatement s = c.prepareStatement("insert into offer_completion_terms (offer_id, min_spend, "
                     + "category, within_days, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)")) {
            d.setString(1, t.offerId());
            d.executeUpdate();
            s.setString(1, t.offerId());
            s.setBigDecimal(2, t.minSpend());
            s.setString(3, t.category());
            s.setInt(4, t.withinDays());
            s.setObject(5, at.atOffset(ZoneOffset.UTC));
            s.setString(6, by);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public boolean delete(String offerId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from offer_completion_terms where offer_id = ?")) {
            d.setString(1, offerId);
            return d.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("completion terms: a statement failed (SQLState " + e.getSQLState() + ")", e);
    }
}
