package io.nbo.decision.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why a candidate offer was not chosen: a value the caller sees, never an exception. The sentence is built when it is
 * first read ({@link #reason()}), so a decision that drops dozens of offers pays for the words only if its answer
 * shows them.
 *
 * @param stage the stage that dropped it
 * @param rule  the rule, policy or limit that applied (a table row name, "limit", ...), or null
 * @param why   a sentence a marketer can read, with the numbers that decided
 */
public record Rejection(String offerId, Stage stage, String rule, Reason why) {

    public enum Stage { CANDIDATES, ELIGIBILITY, POLICY, EXPERIMENT, CHANNEL, ARBITRATION }

    public Rejection {
        Objects.requireNonNull(why, "why");
    }

    public Rejection(String offerId, Stage stage, String rule, String reason) {
        this(offerId, stage, rule, Reason.of(reason));
    }

    /** The sentence, built on first use. */
    public String reason() {
        return why.text();
    }

    /** A sentence given now or made on first use; equal to another with the same text. */
    public static final class Reason {
        private Supplier<String> maker;
        private volatile String text;

        private Reason(String text, Supplier<String> maker) {
            this.text = text;
            this.maker = maker;
        }

        public static Reason of(String text) {
            return new Reason(Objects.requireNonNull(text, "reason"), null);
        }

        public static Reason lazy(Supplier<String> maker) {
            return new Reason(null, maker);
        }

        public String text() {
            String known = text;
            if (known == null) {
                synchronized (this) {
                    if (text == null) {
                        text = maker.get();
                        maker = null;
                    }
                    known = text;
                }
            }
            return known;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Reason r && text().equals(r.text());
        }

        @Override
        public int hashCode() {
            return text().hashCode();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
