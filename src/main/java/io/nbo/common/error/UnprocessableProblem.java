package io.nbo.common.error;

/** The request is well formed but contradicts what we hold (an outcome for an offer a decision did not make): 422. */
public class UnprocessableProblem extends RuntimeException {

    public UnprocessableProblem(String message) {
        super(message);
    }
}
