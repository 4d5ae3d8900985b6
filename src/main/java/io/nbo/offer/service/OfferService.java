package io.nbo.offer.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.offer.Offer;
import io.nbo.offer.persistence.OfferEntity;
import io.nbo.offer.persistence.OfferMapper;
import io.nbo.offer.persistence.OfferRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Writes to the catalogue; every write refreshes the snapshot the decisions read. */
@ApplicationScoped
public class OfferService {

    private final OfferRepository repository;
    private final OfferCatalogue catalogue;

    public OfferService(OfferRepository repository, OfferCatalogue catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    public List<Offer> list() {
        return catalogue.offers();
    }

    public Offer get(String id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundProblem("No offer with id '" + id + "'"));
    }

    public Offer create(Offer offer) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.findById(offer.id()) != null) {
                throw new ConflictProblem("An offer with id '" + offer.id() + "' already exists; use PUT to change it");
            }
            repository.persist(OfferMapper.fill(new OfferEntity(), offer));
        });
        catalogue.refresh();
        return get(offer.id());
    }

    public Offer update(Offer offer) {
        QuarkusTransaction.requiringNew().run(() -> {
            OfferEntity entity = repository.findById(offer.id());
            if (entity == null) {
                throw new NotFoundProblem("No offer with id '" + offer.id() + "'");
            }
            OfferMapper.fill(entity, offer);
        });
        catalogue.refresh();
        return get(offer.id());
    }

    /** Inserts the offers that do not exist yet; returns how many were added. */
    public int importMissing(List<Offer> offers) {
        int added = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (Offer offer : offers) {
                if (repository.findById(offer.id()) == null) {
                    repository.persist(OfferMapper.fill(new OfferEntity(), offer));
                    count++;
                }
            }
            return count;
        });
        catalogue.refresh();
        return added;
    }
}
