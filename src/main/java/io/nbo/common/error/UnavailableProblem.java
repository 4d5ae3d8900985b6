package io.nbo.common.error;

/** The server cannot take the request now (its write queue is full); answered 503 with Retry-After. */
public class UnavailableProblem extends RuntimeException {

    private final int retryAfterSeconds;

    public UnavailableProblem(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
