package io.nbo.rules.compile;

import java.util.List;

/**
 * A table file over one of the {@link ReadLimits}: refused before it is read any further. It is a
 * {@link RuleSetException} (so a file on disk over a limit is reported like any other problem), and it names the
 * limit (its configuration key), the maximum and the value found, so an upload can be answered 413 (too many bytes)
 * or 422 (too many rows, cells or sheets; inflates too far).
 */
public class TableTooLarge extends RuleSetException {

    private final transient String limit;
    private final long maximum;
    private final long found;

    public TableTooLarge(String file, String limit, long maximum, long found, String message) {
        super(List.of(RuleProblem.error(file, null, null, null, message)));
        this.limit = limit;
        this.maximum = maximum;
        this.found = found;
    }

    /** The configuration key of the limit, e.g. {@code nbo.rules.limits.max-rows}. */
    public String limit() {
        return limit;
    }

    public long maximum() {
        return maximum;
    }

    /** The value found; for an inflated size, how far inflating got before it stopped (more than the maximum). */
    public long found() {
        return found;
    }

    /** True when the file's bytes are the problem (HTTP 413), false for its contents (422). */
    public boolean bodyTooLarge() {
        return ReadLimits.BYTES.equals(limit);
    }

    public String detail() {
        return problems().get(0).toString();
    }
}
