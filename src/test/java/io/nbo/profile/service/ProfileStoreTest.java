package io.nbo.profile.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ProfileMapper;
import io.nbo.support.DatabaseCalls;
import io.nbo.support.DatabaseCalls.Call;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The profile cache's cold read, counted at the datasource: one plain query, outside any JTA transaction. A write also
 * re-evaluates the live rule set's segment rows (docs/customer-data.md), so what is stored, and what the cache must
 * serve, is the profile written plus the segments those rows assign to it.
 */
@QuarkusTest
class ProfileStoreTest {

    private static final CustomerProfile EVERY_FIELD = new CustomerProfile("C-PS-FULL", true, 44, "f", "GB",
            "london", ZoneId.of("Europe/London"), Set.of(Channel.EMAIL, Channel.SMS), Set.of("vip", "parents"),
            Set.of("app-user"), "loyal", "high", 12, 31, new BigDecimal("1234.50"), List.of("baby", "coffee"),
            List.of("nappies"), List.of(Channel.MOBILE_APP, Channel.EMAIL), new BigDecimal("410.00"), 0.25);

    /** EVERY_FIELD as stored: the sample segment rows make a customer with recent purchases of coffee these. */
    private static final CustomerProfile EVERY_FIELD_STORED = EVERY_FIELD.withSegments(
            Set.of("vip", "parents", "recent-buyer", "coffee-fan"));

    @Inject
    ProfileStore store;

    @Inject
    ProfileService service;

    @Inject
    CustomerRepository repository;

    @Inject
    DatabaseCalls calls;

    @BeforeEach
    void storedCustomer() {
        service.upsertAll(List.of(EVERY_FIELD));
    }

    @Test
    void coldReadIsOnePlainQueryOutsideATransactionAndAWarmReadNone() {
        store.invalidate(EVERY_FIELD.id());
        String thread = Thread.currentThread().getName();

        int cold = calls.mark();
        assertThat(store.find(EVERY_FIELD.id())).contains(EVERY_FIELD_STORED);
        assertThat(calls.since(cold)).containsExactly(new Call(thread, false));

        int warm = calls.mark();
        assertThat(store.find(EVERY_FIELD.id())).contains(EVERY_FIELD_STORED);
        assertThat(calls.since(warm)).isEmpty();
    }

    @Test
    void plainReadGivesTheSameProfileAsTheHibernateMapping() {
        store.invalidate(EVERY_FIELD.id());

        CustomerProfile viaHibernate = QuarkusTransaction.requiringNew()
                .call(() -> ProfileMapper.toProfile(repository.findById(EVERY_FIELD.id())));

        assertThat(store.find(EVERY_FIELD.id())).contains(viaHibernate);
    }

    @Test
    void unknownIdIsOneQueryThenRememberedWithoutAnother() {
        store.invalidate("C-PS-NOBODY");
        String thread = Thread.currentThread().getName();

        int first = calls.mark();
        assertThat(store.find("C-PS-NOBODY")).isEmpty();
        int second = calls.mark();
        assertThat(store.find("C-PS-NOBODY")).isEmpty();

        assertThat(calls.since(first, thread)).hasSize(1);
        assertThat(calls.since(second, thread)).isEmpty();
    }

    @Test
    void aWriteIsSeenByTheNextReadOfACachedProfile() {
        assertThat(store.find(EVERY_FIELD.id())).contains(EVERY_FIELD_STORED);
        CustomerProfile older = new CustomerProfile(EVERY_FIELD.id(), true, 45, "f", "GB", "london",
                ZoneId.of("Europe/London"), Set.of(), Set.of(), Set.of(), "loyal", "high", 12, 31,
                new BigDecimal("1234.50"), List.of(), List.of(), List.of(), new BigDecimal("410.00"), 0.25);

        service.update(older);

        Optional<CustomerProfile> read = store.find(EVERY_FIELD.id());
        CustomerProfile stored = QuarkusTransaction.requiringNew()
                .call(() -> ProfileMapper.toProfile(repository.findById(EVERY_FIELD.id())));
        assertThat(stored.age()).isEqualTo(45);
        assertThat(read).contains(stored);
    }
}
