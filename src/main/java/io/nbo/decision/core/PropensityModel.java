package io.nbo.decision.core;

import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;

/** How likely this customer is to take this offer, 0..1. Learning models plug in here later. */
public interface PropensityModel {

    double propensity(CustomerProfile customer, Offer offer);
}
