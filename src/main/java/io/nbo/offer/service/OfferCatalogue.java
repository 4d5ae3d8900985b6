package io.nbo.offer.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.offer.Offer;
import io.nbo.offer.Retirement;
import io.nbo.offer.persistence.OfferEntity;
import io.nbo.offer.persistence.OfferMapper;
import io.nbo.offer.persistence.OfferRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue as the hot path reads it: an immutable snapshot of every offer, swapped whole after each write, so a
 * decision never queries the database for offers. Retired offers are kept apart: {@link #offers()} (what decisions and
 * the rules' catalogue check see) never holds one, while {@link #findAny} still names them for histories and reports.
 */
@ApplicationScoped
public class OfferCatalogue {

    /** The topic of catalogue writes in the cluster's change notices: every node reloads its snapshot. */
    public static final String TOPIC = "offers";

    private final OfferRepository repository;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);

    public OfferCatalogue(OfferRepository repository, ClusterChanges cluster) {
        this.repository = repository;
        cluster.subscribe(TOPIC, this::refresh);
    }

    /** Every offer that is not retired (paused ones included: the candidate stage skips those). */
    public List<Offer> offers() {
        return snapshot.get().offers();
    }

    /** A live (not retired) offer. */
    public Optional<Offer> find(String id) {
        return Optional.ofNullable(snapshot.get().byId().get(id));
    }

    /** The retired offers, by id. */
    public List<Offer> retired() {
        return snapshot.get().retired().values().stream().map(RetiredOffer::offer)
                .sorted(Comparator.comparing(Offer::id)).toList();
    }

    /** An offer, live or retired. */
    public Optional<Offer> findAny(String id) {
        Snapshot now = snapshot.get();
        return find(id).or(() -> Optional.ofNullable(now.retired().get(id)).map(RetiredOffer::offer));
    }

    /** When the offer was retired, if it was. */
    public Optional<Retirement> retirement(String id) {
        return Optional.ofNullable(snapshot.get().retired().get(id)).map(RetiredOffer::retirement);
    }

    /** Reloads the snapshot from the database. */
    public void refresh() {
        List<OfferEntity> rows = QuarkusTransaction.joiningExisting().call(repository::listAll);
        List<Offer> live = new ArrayList<>();
        Map<String, RetiredOffer> retired = new HashMap<>();
        for (OfferEntity row : rows) {
            Offer offer = OfferMapper.toOffer(row);
            if (row.retiredAt == null) {
                live.add(offer);
            } else {
                retired.put(offer.id(), new RetiredOffer(offer, new Retirement(row.retiredAt.toInstant(),
                        row.retiredBy)));
            }
        }
        live.sort(Comparator.comparing(Offer::id));
        snapshot.set(new Snapshot(live, retired));
    }

    private record RetiredOffer(Offer offer, Retirement retirement) {
    }

    private record Snapshot(List<Offer> offers, Map<String, Offer> byId, Map<String, RetiredOffer> retired) {

        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of());

        Snapshot(List<Offer> offers, Map<String, RetiredOffer> retired) {
            this(List.copyOf(offers), offers.stream().collect(Collectors.toUnmodifiableMap(Offer::id,
                    Function.identity())), Map.copyOf(retired));
        }
    }
}
