package io.nbo.rules.service;

/**
 * A change or dry run as submitted: answered now with its result, or accepted as a job to follow.
 *
 * @param result the result, when it was answered now (else null)
 * @param job    the job, when it runs in the background (else null)
 */
public record Submitted<T>(T result, RuleSetJobs.Job job) {

    static <T> Submitted<T> now(T result) {
        return new Submitted<>(result, null);
    }

    static <T> Submitted<T> later(RuleSetJobs.Job job) {
        return new Submitted<>(null, job);
    }

    public boolean accepted() {
        return job != null;
    }
}
