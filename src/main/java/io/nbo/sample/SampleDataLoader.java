package io.nbo.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.config.NboConfig;
import io.nbo.offer.Offer;
import io.nbo.offer.rest.OfferPayload;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.offer.service.OfferService;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.service.ProfileService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * On the embedded default, fills an empty database with the sample catalogue (src/main/resources/sample-data) and
 * deterministic synthetic customers, so a newcomer's first start serves real decisions. It runs before the rule set
 * goes live (priority 5 before 10), so the tables are checked against the catalogue they will serve. Once the sample
 * data was removed ({@link SampleDataService}) it is never loaded again into that database.
 */
@ApplicationScoped
public class SampleDataLoader {

    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class);

    private final NboConfig config;
    private final OfferService offers;
    private final OfferCatalogue catalogue;
    private final ProfileService profiles;
    private final ObjectMapper json;
    private final SampleDataService samples;

    public SampleDataLoader(NboConfig config, OfferService offers, OfferCatalogue catalogue, ProfileService profiles,
                            ObjectMapper json, SampleDataService samples) {
        this.config = config;
        this.offers = offers;
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.json = json;
        this.samples = samples;
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        if (config.sampleData().enabled() && !samples.removed()) {
            int added = offers.importSamples(sampleOffers());
            if (added > 0) {
                LOG.infof("Loaded %d sample offers", added);
            }
            loadCustomers(config.sampleData().customers());
        }
        catalogue.refresh();
    }

    public List<Offer> sampleOffers() {
        try (InputStream in = getClass().getResourceAsStream("/sample-data/offers.json")) {
            List<OfferPayload> payloads = json.readValue(in, new TypeReference<>() { });
            return payloads.stream().map(OfferPayload::toOffer).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample catalogue", e);
        }
    }

    private void loadCustomers(int count) {
        if (count <= 0 || profiles.count() > 0) {
            return;
        }
        long start = System.nanoTime();
        CustomerGenerator generator = new CustomerGenerator(config.sampleData().seed());
        List<CustomerProfile> batch = new ArrayList<>(5000);
        for (int i = 1; i <= count; i++) {
            batch.add(generator.customer(i));
            if (batch.size() == 5000 || i == count) {
                profiles.insertSamples(batch);
                batch.clear();
            }
        }
        LOG.infof("Generated %d sample customers (seed %d) in %d ms", count, config.sampleData().seed(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
