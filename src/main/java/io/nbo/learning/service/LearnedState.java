package io.nbo.learning.service;

import io.nbo.decision.core.learning.LearnedCounts;
import io.nbo.learning.persistence.LearningStore;
import io.nbo.learning.persistence.OwnScoreStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What decisions read of learning, from memory: the learned counts and the uploaded own scores, each an immutable
 * snapshot swapped whole by {@link #refresh()} (off the request threads, every {@code nbo.learning.refresh-interval}
 * and after an import or upload). A decision never waits on the database for them; every node reads the same tables,
 * so all nodes converge within one interval, and a restart reloads them.
 */
@ApplicationScoped
public class LearnedState {

    private final LearningStore counts;
    private final OwnScoreStore scores;
    private final AtomicReference<LearnedCounts> learned = new AtomicReference<>(LearnedCounts.EMPTY);
    private final AtomicReference<Map<String, Map<String, Double>>> own = new AtomicReference<>(Map.of());
    private String ownStamp;

    public LearnedState(LearningStore counts, OwnScoreStore scores) {
        this.counts = counts;
        this.scores = scores;
    }

    public LearnedCounts counts() {
        return learned.get();
    }

    public OptionalDouble ownScore(String customerId, String offerId) {
        Map<String, Double> byOffer = own.get().get(customerId);
        Double score = byOffer == null ? null : byOffer.get(offerId);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    public int ownScores() {
        return own.get().values().stream().mapToInt(Map::size).sum();
    }

    /** Reloads everything, own scores included (after an upload on this node). */
    public synchronized void reloadAll() {
        ownStamp = null;
        refresh();
    }

    /** Reloads the counts, and the own scores when they changed (they can be millions of rows). */
    public synchronized void refresh() {
        learned.set(counts.load());
        String now = scores.stamp();
        if (!now.equals(ownStamp)) {
            own.set(scores.load());
            ownStamp = now;
        }
    }
}
