package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Typed settings of the decision server, under {@code nbo.}. */
@ConfigMapping(prefix = "nbo")
public interface NboConfig {

    Rules rules();

    Decision decision();

    SampleData sampleData();

    Contact contact();

    interface Rules {
        /** Folder of the marketers' decision tables (*.drl.xlsx, *.drl.csv). */
        @WithDefault("decision-tables")
        String decisionTablesDir();

        /** Folder of developers' DRL (*.drl). */
        @WithDefault("rules")
        String drlDir();

        /** Watch both folders and put a changed file live without a restart (after checks and tests). */
        @WithDefault("true")
        boolean watch();

        /** How often the folders are looked at for changes; a change is applied once it has been stable this long. */
        @WithDefault("1s")
        java.time.Duration watchInterval();

        /** Write uploaded tables and rollbacks into the folders too, so the files on disk are always what is live. */
        @WithDefault("true")
        boolean writeThrough();

        /** The largest spreadsheet an upload may send, in bytes. */
        @WithDefault("10485760")
        int maxUploadBytes();

        /**
         * Generated situations on which each newly live rule set's column index is compared with Drools (the
         * reference), in the background after the swap; 0 turns the check off.
         */
        @WithDefault("500")
        int referenceCheckSituations();

        /**
         * The largest rule set (rules) Drools compiles for the background reference check; above it the check is
         * skipped (Drools takes about a minute and hundreds of MB per 10,000 rows).
         */
        @WithDefault("20000")
        int referenceMaxRules();

        /** Stored customers a simulation evaluates by default (at most 20000). */
        @WithDefault("1000")
        int simulationSample();

        /**
         * Uploads with more rows than this are checked in the background: the answer is 202 with a job to follow
         * ({@code GET /api/rulesets/jobs/{id}}); smaller ones are answered when live. {@code Prefer: respond-async}
         * asks for a job whatever the size.
         */
        @WithDefault("20000")
        long asyncAboveRows();

        /** How big one table file may be (upload or folder), checked while it is read; see docs/security.md. */
        Limits limits();

        /** Warnings for values no customer has (docs/decision-tables.md, "Warnings"). */
        Lint lint();
    }

    interface Limits {
        /** Rows in one table file, all sheets together, empty rows up to the last used one included. */
        @WithDefault("150000")
        long maxRows();

        /** Cells in one table file, all sheets together. */
        @WithDefault("3000000")
        long maxCells();

        /** Sheets in one workbook. */
        @WithDefault("20")
        int maxSheets();

        /** Bytes a workbook's zip parts may inflate to, all together; counted while inflating (zip bombs). */
        @WithDefault("67108864")
        long maxInflatedBytes();

        /** How many times its own size a workbook may inflate to (past the first MiB). */
        @WithDefault("100")
        int maxInflateRatio();
    }

    interface Lint {
        /**
         * How old the values customers have (genders, segments, tags, categories, items, countries, regions) may be
         * before a check asks for a fresh read of the customer table, in the background.
         */
        @WithDefault("10m")
        java.time.Duration customerValuesMaxAge();

        /** More distinct values than this in one attribute and it is not checked (it is free text, not a code). */
        @WithDefault("5000")
        int maxDistinctValues();
    }

    interface Decision {
        /** Offers returned when the request gives no limit. */
        @WithDefault("3")
        int defaultLimit();

        /** The most offers a request may ask for. */
        @WithDefault("20")
        int maxLimit();

        /** Offer returned when nothing is eligible (unknown visitors, over-filtered customers); empty for none. */
        Optional<String> fallbackOfferId();
    }

    interface SampleData {
        /** Load the sample catalogue and synthetic customers when the database is empty. */
        @WithDefault("false")
        boolean enabled();

        /** How many synthetic customers to generate. */
        @WithDefault("10000")
        int customers();

        /** Seed of the deterministic generator: the same seed gives the same customers. */
        @WithDefault("42")
        long seed();
    }

    interface Contact {
        /** The marketers' contact-policy table (CSV; format in docs/strategy.md). */
        @WithDefault("decision-tables/policy/contact-policy.csv")
        String policyFile();

        /** Days of contact history the hot path keeps per customer; policy windows and rests look back this far. */
        @WithDefault("366")
        int historyDays();

        /**
         * Decisions and outcomes waiting to be written (kept in memory, about 0.6 KB each, and in the journal) before
         * new ones are refused with 503 (back-pressure): how long a database outage is ridden out is this divided by
         * the rate, e.g. 200,000 = a minute at 3,300 decisions/s (docs/operations.md).
         */
        @WithDefault("200000")
        int logQueueCapacity();

        /** Decisions written per database batch. */
        @WithDefault("500")
        int logBatchSize();

        /** How long a decision waits for room in a full log queue before it is refused, in milliseconds. */
        @WithDefault("200")
        long logEnqueueTimeoutMs();
    }
}
