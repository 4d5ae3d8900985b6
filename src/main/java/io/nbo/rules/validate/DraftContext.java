package io.nbo.rules.validate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a draft is checked against besides its own files.
 *
 * @param offerIds  the offer catalogue's ids; null skips the offer-id check
 * @param settled   files that are live and unchanged in this draft: an offer id the catalogue no longer has is a
 *                  warning there (naming the file), not an error, so one file's stale row never blocks a change to
 *                  another file; in every other file it stays an error
 * @param customers the values the customer base holds, for warnings about values no customer has
 * @param retiredOfferIds retired offers (also in {@code offerIds}): a row naming one is a warning (it no longer fires),
 *                  not an error, so a retired offer never blocks an upload of this or another file
 * @param attributes the declared custom attributes, name to type code ({@code number}, {@code text}, ...): a table
 *                  may read these and no others
 */
public record DraftContext(Set<String> offerIds, Set<String> settled, CustomerValues customers,
                           Set<String> retiredOfferIds, Map<String, String> attributes) {

    public DraftContext {
        offerIds = offerIds == null ? null : Set.copyOf(offerIds);
        settled = Set.copyOf(settled);
        retiredOfferIds = retiredOfferIds == null ? Set.of() : Set.copyOf(retiredOfferIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public DraftContext(Set<String> offerIds, Set<String> settled, CustomerValues customers,
                        Set<String> retiredOfferIds) {
        this(offerIds, settled, customers, retiredOfferIds, Map.of());
    }

    public DraftContext(Set<String> offerIds, Set<String> settled, CustomerValues customers) {
        this(offerIds, settled, customers, Set.of(), Map.of());
    }

    /** This context with the declared custom attributes (name to type code). */
    public DraftContext withAttributes(Map<String, String> declared) {
        return new DraftContext(offerIds, settled, customers, retiredOfferIds, declared);
    }

    /** Only the catalogue, every file strict, no customer values: the plain gate of tests and tools. */
    public static DraftContext catalogue(Set<String> offerIds) {
        return new DraftContext(offerIds, Set.of(), CustomerValues.NONE);
    }

    /**
     * The distinct values customers hold, per domain ({@link Vocabulary.Domain#customerValue()}), as read at
     * {@code readAt} from {@code customers} profiles. A domain that is missing is not checked (nothing read yet, or
     * too many distinct values to be a code).
     */
    public record CustomerValues(Map<Vocabulary.Domain, Set<String>> values, long customers, Instant readAt) {

        public static final CustomerValues NONE = new CustomerValues(Map.of(), 0, null);

        public CustomerValues {
            values = Map.copyOf(values);
        }
    }
}
