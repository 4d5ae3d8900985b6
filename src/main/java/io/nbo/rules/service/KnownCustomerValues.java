package io.nbo.rules.service;

import io.nbo.config.NboConfig;
import io.nbo.profile.persistence.CustomerValueScan;
import io.nbo.rules.validate.DraftContext;
import io.nbo.rules.validate.Vocabulary.Domain;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The values the customer base holds, for warnings about table values no customer has (a misspelt segment). The
 * source of truth for open attributes (segments, tags, categories, items, countries, regions, and genders beyond the
 * documented ones) is the customer table itself, read in one streaming pass ({@link CustomerValueScan}) when the last
 * read is older than {@code nbo.rules.lint.customer-values-max-age}, in the background: a check uses the values it has
 * and never waits for (or causes per upload) a scan of millions of rows. A value that appeared since the last read
 * may be warned about once; a value customers no longer hold is known until the next read.
 */
@ApplicationScoped
public class KnownCustomerValues {

    private static final Logger LOG = Logger.getLogger(KnownCustomerValues.class);
    private static final Map<String, Domain> DOMAINS = Map.of("gender", Domain.GENDER, "country", Domain.COUNTRY,
            "region", Domain.REGION, "segments", Domain.SEGMENT, "tags", Domain.TAG, "topCategories",
            Domain.CATEGORY, "topItems", Domain.ITEM);

    private final CustomerValueScan scan;
    private final ManagedExecutor background;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxDistinct;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile DraftContext.CustomerValues current = DraftContext.CustomerValues.NONE;

    public KnownCustomerValues(CustomerValueScan scan, ManagedExecutor background, Clock clock, NboConfig config) {
        this.scan = scan;
        this.background = background;
        this.clock = clock;
        this.maxAge = config.rules().lint().customerValuesMaxAge();
        this.maxDistinct = config.rules().lint().maxDistinctValues();
    }

    /** The values as last read; starts a read in the background when they are missing or old. */
    public DraftContext.CustomerValues current() {
        DraftContext.CustomerValues values = current;
        if (values.readAt() == null || values.readAt().plus(maxAge).isBefore(clock.instant())) {
            refreshInBackground();
        }
        return values;
    }

    /** Reads the values now (start-up and tests); on failure keeps the last ones and says so in the log. */
    public DraftContext.CustomerValues refresh() {
        Instant at = clock.instant();
        try {
            CustomerValueScan.Found found = scan.scan(maxDistinct);
            Map<Domain, Set<String>> values = new EnumMap<>(Domain.class);
            found.values().forEach((attribute, set) -> {
                if (set != null) {
                    values.put(DOMAINS.get(attribute), set);
                }
            });
            current = new DraftContext.CustomerValues(values, found.customers(), at);
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the values customers hold (checks go on with those read at %s): %s",
                    current.readAt(), e.getMessage());
        }
        return current;
    }

    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
            background.runAsync(() -> {
                try {
                    refresh();
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }
}
