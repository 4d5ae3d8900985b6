package io.nbo.offer.service;

import io.nbo.offer.Offer;
import io.nbo.offer.persistence.OfferMapper;
import io.nbo.offer.persistence.OfferRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue as the hot path reads it: an immutable snapshot of every offer, swapped whole after each write, so a
 * decision never queries the database for offers.
 */
@ApplicationScoped
public class OfferCatalogue {

    private final OfferRepository repository;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(List.of()));

    public OfferCatalogue(OfferRepository repository) {
        this.repository = repository;
    }

    public List<Offer> offers() {
        return snapshot.get().offers();
    }

    public Optional<Offer> find(String id) {
        return Optional.ofNullable(snapshot.get().byId().get(id));
    }

    /** Reloads the snapshot from the database. */
    public void refresh() {
        List<Offer> offers = QuarkusTransaction.joiningExisting().call(() -> repository.listAll().stream()
                .map(OfferMapper::toOffer)
                .sorted(Comparator.comparing(Offer::id))
                .toList());
        snapshot.set(new Snapshot(offers));
    }

    private record Snapshot(List<Offer> offers, Map<String, Offer> byId) {
        Snapshot(List<Offer> offers) {
            this(List.copyOf(offers), offers.stream().collect(Collectors.toUnmodifiableMap(Offer::id,
                    Function.identity())));
        }
    }
}
