package io.nbo.rules.service;

import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.service.AttributeService;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.validate.DraftContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a draft is checked with: the live files it replaces one of, the catalogue and the customers' values as they
 * are now, and which of its files are settled (live, byte for byte, so an offer missing there is a warning).
 */
final class DraftScope {

    private final LiveRuleSet live;
    private final OfferCatalogue catalogue;
    private final KnownCustomerValues customers;
    private final AttributeService attributes;

    DraftScope(LiveRuleSet live, OfferCatalogue catalogue, KnownCustomerValues customers,
               AttributeService attributes) {
        this.live = live;
        this.catalogue = catalogue;
        this.customers = customers;
        this.attributes = attributes;
    }

    /**
     * What a draft is checked against: every id the catalogue holds (a retired offer is still known: a row naming it
     * is a warning, not an error), the files that stay as they are, and the customers' values.
     */
    DraftContext context(Set<String> settled) {
        Set<String> retired = catalogue.retired().stream().map(Offer::id).collect(Collectors.toUnmodifiableSet());
        Set<String> known = java.util.stream.Stream.concat(catalogue.offers().stream().map(Offer::id),
                retired.stream()).collect(Collectors.toUnmodifiableSet());
        return new DraftContext(known, settled, customers.current(), retired, declared());
    }

    /** The declared custom attributes a table may read; none when they cannot be read (tables naming one fail). */
    private Map<String, String> declared() {
        try {
            return attributes.current().types();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The live files with {@code source} added or replacing the one of its name. */
    List<RuleSource> with(RuleSource source) {
        Map<String, RuleSource> draft = new TreeMap<>(live.files());
        draft.put(source.name(), source);
        return List.copyOf(draft.values());
    }

    /** The live files other than the one being changed. */
    Set<String> othersThan(RuleSource source) {
        return live.files().keySet().stream().filter(n -> !n.equals(source.name())).collect(Collectors.toSet());
    }

    /** The files of a draft that are byte for byte the live ones. */
    Set<String> settled(List<RuleSource> draft) {
        Map<String, RuleSource> now = live.files();
        return draft.stream().filter(s -> now.containsKey(s.name()) && Arrays.equals(now.get(s.name()).bytes(),
                s.bytes())).map(RuleSource::name).collect(Collectors.toSet());
    }

    static Set<String> changed(List<RuleSource> draft, Set<String> settled) {
        return draft.stream().map(RuleSource::name).filter(n -> !settled.contains(n)).collect(Collectors.toSet());
    }
}
