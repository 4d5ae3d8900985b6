package io.nbo.common.error;

/** The request clashes with the current state (an id that already exists): answered 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String message) {
        super(message);
    }
}
