package io.nbo.decision.core;

import java.util.ArrayList;
import java.util.List;

/** What a stage kept and what it dropped, in order. */
public record StageOutcome(List<Candidate> kept, List<Rejection> rejected) {

    public StageOutcome {
        kept = List.copyOf(kept);
        rejected = List.copyOf(rejected);
    }

    /** Collects a stage's verdicts candidate by candidate. */
    public static final class Builder {
        private final List<Candidate> kept = new ArrayList<>();
        private final List<Rejection> rejected = new ArrayList<>();

        public Builder keep(Candidate candidate) {
            kept.add(candidate);
            return this;
        }

        public Builder reject(Rejection rejection) {
            rejected.add(rejection);
            return this;
        }

        public StageOutcome build() {
            return new StageOutcome(kept, rejected);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
