package io.nbo.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sample generator is deterministic and its customers look like a retailer's base. */
class CustomerGeneratorTest {

    @Test
    void sameSeedAndIndexGiveTheSameCustomer() {
        assertThat(new CustomerGenerator(42).customer(7)).isEqualTo(new CustomerGenerator(42).customer(7));
        assertThat(new CustomerGenerator(42).customer(7)).isNotEqualTo(new CustomerGenerator(43).customer(7));
        assertThat(new CustomerGenerator(42).customer(42).id()).isEqualTo("C0000042");
    }

    @Test
    void tenThousandCustomersHaveRealisticShares() {
        CustomerGenerator generator = new CustomerGenerator(42);
        var customers = IntStream.rangeClosed(1, 10_000).mapToObj(generator::customer).toList();

        assertThat(share(customers, c -> c.consentsTo(Channel.EMAIL))).isBetween(0.67, 0.73);
        assertThat(share(customers, c -> c.lifecycleStage().equals("active"))).isBetween(0.57, 0.63);
        assertThat(share(customers, c -> c.churnRisk() >= 0.7)).isBetween(0.10, 0.25);
        assertThat(share(customers, c -> c.topItems().contains("coffee"))).isBetween(0.15, 0.35);
        assertThat(customers).allSatisfy(c -> {
            assertThat(c.age()).isBetween(18, 88);
            assertThat(c.topItems()).hasSameSizeAs(c.topCategories());
        });
    }

    private static double share(java.util.List<CustomerProfile> customers,
                                java.util.function.Predicate<CustomerProfile> test) {
        return customers.stream().filter(test).count() / (double) customers.size();
    }
}
