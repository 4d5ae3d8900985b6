package io.nbo.common.error;

/** 403 with a reason the caller can act on, for a request a role may make only in some form (a marketer's dry run). */
public class ForbiddenProblem extends RuntimeException {

    public ForbiddenProblem(String message) {
        super(message);
    }
}
