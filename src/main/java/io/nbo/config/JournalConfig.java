package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The local write-ahead journal of decisions and outcomes (docs/operations.md), under {@code nbo.journal.}. What the
 * server acknowledges is in the journal on disk before the answer leaves; the database gets it from the log writer.
 */
@ConfigMapping(prefix = "nbo.journal")
public interface JournalConfig {

    /**
     * Folder of the journal segments and the dead-letter file, relative to the working directory unless absolute.
     * Put it on a local disk that survives a restart of the process (not tmpfs); one folder per server process.
     */
    @WithDefault("nbo-data/journal")
    String dir();

    /** A segment is sealed and a new one started past this size, in bytes; written segments are deleted. */
    @WithDefault("16777216")
    long segmentBytes();

    /** How long an answer waits for its journal write before it is refused with 503 (a failing or hung disk). */
    @WithDefault("5s")
    Duration commitTimeout();
}
