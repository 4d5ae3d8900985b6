package io.nbo.rules.validate;

/**
 * Where a draft is on its way live, for a caller following a long check: the phase, and data rows checked out of all
 * the draft's data rows. Called from the thread that checks the draft; implementations only record.
 */
public interface DraftProgress {

    /** The phases of a draft, in order; the last three belong to the service that swaps it in. */
    enum Phase { QUEUED, READING, CHECKING, COMPILING, TESTING, SWAPPING, DONE, FAILED }

    /** Reports nothing. */
    DraftProgress NONE = new DraftProgress() {
        @Override
        public void phase(Phase phase) {
        }

        @Override
        public void rows(long done, long total) {
        }
    };

    void phase(Phase phase);

    void rows(long done, long total);
}
