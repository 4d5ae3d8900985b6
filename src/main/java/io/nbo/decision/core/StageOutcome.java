package io.nbo.decision.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** What a stage kept and what it dropped, in order. Immutable. */
public final class StageOutcome {

    private final List<Candidate> kept;
    private final List<Rejection> rejected;

    public StageOutcome(List<Candidate> kept, List<Rejection> rejected) {
        this.kept = List.copyOf(kept);
        this.rejected = List.copyOf(rejected);
    }

    /** Over lists nobody else holds (the builder's), kept without copying: a stage's outcome is read once. */
    private StageOutcome(Builder done) {
        this.kept = Collections.unmodifiableList(done.kept);
        this.rejected = Collections.unmodifiableList(done.rejected);
    }

    public List<Candidate> kept() {
        return kept;
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageOutcome other && kept.equals(other.kept) && rejected.equals(other.rejected);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kept, rejected);
    }

    @Override
    public String toString() {
        return "StageOutcome[kept=" + kept + ", rejected=" + rejected + "]";
    }

    /** Collects a stage's verdicts candidate by candidate; {@link #build()} once, then leave it. */
    public static final class Builder {
        private final List<Candidate> kept;
        private final List<Rejection> rejected;
        private boolean built;

        private Builder(int expected) {
            kept = new ArrayList<>(expected);
            rejected = new ArrayList<>(expected);
        }

        public Builder keep(Candidate candidate) {
            requireOpen();
            kept.add(candidate);
            return this;
        }

        public Builder reject(Rejection rejection) {
            requireOpen();
            rejected.add(rejection);
            return this;
        }

        public StageOutcome build() {
            requireOpen();
            built = true;
            return new StageOutcome(this);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("this stage outcome is built already");
            }
        }
    }

    public static Builder builder() {
        return new Builder(10);
    }

    /** A builder for a stage judging about this many candidates (its lists are sized once). */
    public static Builder builder(int expected) {
        return new Builder(Math.max(expected, 4));
    }
}
