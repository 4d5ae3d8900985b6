package io.nbo.decision.core.learning;

import java.util.HashMap;
import java.util.Map;

/**
 * What has been learned, as decisions read it: contacts and responses per offer, offer x segment and offer x segment x
 * channel. Immutable; a new snapshot replaces the old one whole. {@link #ANY} stands for "all segments" or "all
 * channels" in a key.
 */
public final class LearnedCounts {

    public static final String ANY = "*";
    public static final LearnedCounts EMPTY = new LearnedCounts(Map.of());

    private final Map<String, Counts> counts;

    public LearnedCounts(Map<String, Counts> counts) {
        this.counts = Map.copyOf(counts);
    }

    public static String key(String offerId, String segment, String channel) {
        return offerId + '|' + segment + '|' + channel;
    }

    public Counts get(String offerId, String segment, String channel) {
        return counts.getOrDefault(key(offerId, segment, channel), Counts.NONE);
    }

    public int size() {
        return counts.size();
    }

    /** These counts with more added (a test's simulation; the server reloads snapshots from the database). */
    public LearnedCounts plus(String offerId, String segment, String channel, Counts more) {
        Map<String, Counts> next = new HashMap<>(counts);
        next.merge(key(offerId, ANY, ANY), more, Counts::plus);
        if (segment != null) {
            next.merge(key(offerId, segment, ANY), more, Counts::plus);
            if (channel != null) {
                next.merge(key(offerId, segment, channel), more, Counts::plus);
            }
        }
        return new LearnedCounts(next);
    }
}
