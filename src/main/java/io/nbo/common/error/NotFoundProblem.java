package io.nbo.common.error;

/** A resource the caller named does not exist: answered 404 with what was looked for. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
