package io.nbo.offer.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.offer.Offer;
import io.nbo.offer.persistence.OfferEntity;
import io.nbo.offer.persistence.OfferMapper;
import io.nbo.offer.persistence.OfferRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes to the catalogue; every write refreshes the snapshot the decisions read. Offers are retired, never deleted:
 * the decision log, outcomes, volume counters and stored rule-set versions keep naming them, and an id is never
 * reused for a different offer (docs/security.md, "Deleting").
 */
@ApplicationScoped
public class OfferService {

    private final OfferRepository repository;
    private final OfferCatalogue catalogue;
    private final FallbackOfferService fallback;
    private final Clock clock;
    private final ClusterChanges cluster;

    public OfferService(OfferRepository repository, OfferCatalogue catalogue, FallbackOfferService fallback,
                        Clock clock, ClusterChanges cluster) {
        this.cluster = cluster;
        this.repository = repository;
        this.catalogue = catalogue;
        this.fallback = fallback;
        this.clock = clock;
    }

    /** The live offers (paused ones included), and the retired ones too when asked. */
    public List<Offer> list(boolean includeRetired) {
        if (!includeRetired) {
            return catalogue.offers();
        }
        List<Offer> all = new ArrayList<>(catalogue.offers());
        all.addAll(catalogue.retired());
        all.sort(Comparator.comparing(Offer::id));
        return all;
    }

    /** An offer, live or retired. */
    public Offer get(String id) {
        return catalogue.findAny(id).orElseThrow(() -> new NotFoundProblem("No offer with id '" + id + "'"));
    }

    public Offer create(Offer offer) {
        QuarkusTransaction.requiringNew().run(() -> {
            OfferEntity existing = repository.findById(offer.id());
            if (existing != null && existing.retiredAt != null) {
                throw new ConflictProblem("The offer id '" + offer.id() + "' belonged to an offer retired on "
                        + existing.retiredAt.toLocalDate() + "; ids are never reused (history names them), choose "
                        + "another");
            }
            if (existing != null) {
                throw new ConflictProblem("An offer with id '" + offer.id() + "' already exists; use PUT to change it");
            }
            repository.persist(OfferMapper.fill(new OfferEntity(), offer));
        });
        changed();
        return get(offer.id());
    }

    public Offer update(Offer offer) {
        QuarkusTransaction.requiringNew().run(() -> {
            OfferEntity entity = repository.findById(offer.id());
            if (entity == null) {
                throw new NotFoundProblem("No offer with id '" + offer.id() + "'");
            }
            if (entity.retiredAt != null) {
                throw new ConflictProblem("Offer '" + offer.id() + "' is retired and cannot change; it stays as it "
                        + "was for history and reports. Add a new offer instead");
            }
            OfferMapper.fill(entity, offer);
        });
        changed();
        return get(offer.id());
    }

    /**
     * Retires an offer: from the next decision on it is no candidate, and it stays in the database for reporting,
     * outcomes and history. Retiring a retired offer changes nothing. The fallback offer cannot be retired: set
     * another fallback first.
     */
    public Offer retire(String id, String by) {
        if (fallback.is(id)) {
            throw new ConflictProblem("Offer '" + id + "' is the fallback offer; set another fallback (PUT "
                    + "/api/settings/fallback-offer) before retiring it");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            OfferEntity entity = repository.findById(id);
            if (entity == null) {
                throw new NotFoundProblem("No offer with id '" + id + "'");
            }
            if (entity.retiredAt == null) {
                entity.retiredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MICROS);
                entity.retiredBy = by;
            }
        });
        changed();
        return get(id);
    }

    /** Inserts the sample offers that do not exist yet, flagged as sample data; returns how many were added. */
    public int importSamples(List<Offer> offers) {
        int added = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (Offer offer : offers) {
                if (repository.findById(offer.id()) == null) {
                    OfferEntity entity = OfferMapper.fill(new OfferEntity(), offer);
                    entity.sample = true;
                    repository.persist(entity);
                    count++;
                }
            }
            return count;
        });
        changed();
        return added;
    }

    /** The ids of the sample offers still serving (loaded by the sample loader, never changed through the API). */
    public List<String> liveSamples() {
        return QuarkusTransaction.requiringNew().call(() -> repository
                .list("sample = true and retiredAt is null order by id").stream().map(e -> e.id).toList());
    }

    /** Retires the given sample offers in one transaction (the sample-data removal); the fallback is not guarded. */
    public void retireSamples(List<String> ids, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : ids) {
                OfferEntity entity = repository.findById(id);
                if (entity != null && entity.sample && entity.retiredAt == null) {
                    entity.retiredAt = now;
                    entity.retiredBy = by;
                }
            }
        });
        changed();
    }

    /** After a committed write: this node's snapshot now, the other nodes' when the notice reaches them. */
    private void changed() {
        catalogue.refresh();
        cluster.publish(OfferCatalogue.TOPIC, Long.toString(System.currentTimeMillis()));
    }
}
