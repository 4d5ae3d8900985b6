package io.nbo.offer.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.common.persistence.Settings;
import io.nbo.config.NboConfig;
import io.nbo.offer.Offer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The offer a decision returns when nothing else survives, as marketers set it. Stored in the database
 * ({@code nbo_setting}); until a marketer sets one, {@code nbo.decision.fallback-offer-id} is the default. Decisions
 * read it from memory ({@link #offerId()}); a change applies from the next decision on this node, and on the others
 * when the cluster's change notice reaches them (topic {@value #TOPIC}).
 */
@ApplicationScoped
public class FallbackOfferService {

    static final String SETTING = "decision.fallback-offer-id";
    /** The topic of fallback-offer changes in the cluster's change notices. */
    public static final String TOPIC = "fallback-offer";

    /** The fallback as set: by whom and when ({@code setBy} null: the server's configured default). */
    public record Fallback(String offerId, String setBy, Instant setAt) {
    }

    private final Settings settings;
    private final OfferCatalogue catalogue;
    private final Clock clock;
    private final AtomicReference<Fallback> current;
    private final ClusterChanges cluster;

    public FallbackOfferService(Settings settings, OfferCatalogue catalogue, NboConfig config, Clock clock,
                                ClusterChanges cluster) {
        this.cluster = cluster;
        this.settings = settings;
        this.catalogue = catalogue;
        this.clock = clock;
        this.current = new AtomicReference<>(new Fallback(config.decision().fallbackOfferId()
                .filter(id -> !id.isBlank()).orElse(null), null, null));
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        follow();
        cluster.subscribe(TOPIC, this::follow);
    }

    /** Reads the setting as stored (start-up, and a change made on another node). */
    void follow() {
        settings.find(SETTING).ifPresent(s -> current.set(new Fallback(s.value(), s.updatedBy(), s.updatedAt())));
    }

    /** The fallback offer's id, or null for none: what decisions read. */
    public String offerId() {
        return current.get().offerId();
    }

    public Fallback current() {
        return current.get();
    }

    /**
     * Sets the fallback offer (null: none). It must be a live offer of the catalogue: not retired, and active, so
     * customers are never promised an offer that cannot be made.
     */
    public Fallback set(String offerId, String by) {
        String id = offerId == null || offerId.isBlank() ? null : offerId.strip();
        if (id != null) {
            Offer offer = catalogue.find(id).orElseThrow(() -> new UnprocessableProblem(
                    catalogue.retirement(id).isPresent() ? "offer '" + id + "' is retired; choose a live offer"
                            : "no offer with id '" + id + "' in the catalogue; GET /api/offers lists them"));
            if (!offer.active()) {
                throw new UnprocessableProblem("offer '" + id + "' is paused (active: false); activate it first or "
                        + "choose another");
            }
        }
        Settings.Setting stored = settings.put(SETTING, id, by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        Fallback next = new Fallback(stored.value(), stored.updatedBy(), stored.updatedAt());
        current.set(next);
        cluster.publish(TOPIC, String.valueOf(id));
        return next;
    }

    /** Whether this offer is the fallback now. */
    public boolean is(String offerId) {
        return Optional.ofNullable(offerId()).map(offerId::equals).orElse(false);
    }
}
