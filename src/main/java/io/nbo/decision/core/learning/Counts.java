package io.nbo.decision.core.learning;

/** Contacts and the responses among them, at one level (offer, offer x segment, offer x segment x channel). */
public record Counts(long contacts, long responses) {

    public static final Counts NONE = new Counts(0, 0);

    public Counts {
        if (contacts < 0 || responses < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + contacts + "/" + responses);
        }
    }

    public Counts plus(Counts other) {
        return new Counts(contacts + other.contacts, responses + other.responses);
    }
}
