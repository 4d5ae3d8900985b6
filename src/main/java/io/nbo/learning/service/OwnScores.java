package io.nbo.learning.service;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.learning.persistence.OwnScoreStore;
import io.nbo.learning.persistence.OwnScoreStore.Score;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data science team's own scores: a CSV of {@code customerId,offerId,score} (score 0..1) checked whole (every bad
 * line named, nothing stored unless all are good), then stored (a pair uploaded again takes the new score) and
 * reloaded, so decisions use them at once on this node and within the refresh interval on the others.
 */
@ApplicationScoped
public class OwnScores {

    private static final int BATCH = 5_000;
    private static final int MAX_REPORTED = 20;

    private final OwnScoreStore store;
    private final LearnedState state;
    private final Clock clock;

    public OwnScores(OwnScoreStore store, LearnedState state, Clock clock) {
        this.store = store;
        this.state = state;
        this.clock = clock;
    }

    public record Uploaded(int scores, int totalInForce) {
    }

    public Uploaded upload(InputStream body) {
        List<Score> scores = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int bad = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.replace("\uFEFF", "").replace("_", "").replace(" ", "")
                    .toLowerCase(Locale.ROOT).equals("customerid,offerid,score")) {
                throw new InvalidFieldProblem("body", "the first line must be the header customerId,offerId,score");
            }
            long number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                String why = cells.length != 3 ? "expected 3 cells, found " + cells.length
                        : line.chars().anyMatch(c -> c < 0x20 && c != 9) ? "a control character"
                        : cells[0].isBlank() || cells[0].strip().length() > 64 ? "customerId must be 1 to 64 characters"
                        : cells[1].isBlank() || cells[1].strip().length() > 64 ? "offerId must be 1 to 64 characters"
                        : null;
                double score = Double.NaN;
                if (why == null) {
                    try {
                        score = Double.parseDouble(cells[2].strip());
                    } catch (NumberFormatException e) {
                        score = Double.NaN;
                    }
                    why = score >= 0 && score <= 1 ? null : "score must be a number from 0 to 1";
                }
                if (why != null) {
                    bad++;
                    if (problems.size() < MAX_REPORTED) {
                        problems.add("line " + number + ": " + why);
                    }
                    continue;
                }
                scores.add(new Score(cells[0].strip(), cells[1].strip(), score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bad > 0) {
            throw new UnprocessableProblem(bad + " line(s) cannot be used, nothing was stored: "
                    + String.join("; ", problems) + (bad > problems.size() ? "; ..." : ""));
        }
        for (int i = 0; i < scores.size(); i += BATCH) {
            store.put(scores.subList(i, Math.min(scores.size(), i + BATCH)), clock.instant());
        }
        state.reloadAll();
        return new Uploaded(scores.size(), state.ownScores());
    }

    public int clear() {
        int removed = store.clear();
        state.reloadAll();
        return removed;
    }
}
