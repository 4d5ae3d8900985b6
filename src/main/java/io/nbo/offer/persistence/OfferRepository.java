package io.nbo.offer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<OfferEntity, String> {
}
