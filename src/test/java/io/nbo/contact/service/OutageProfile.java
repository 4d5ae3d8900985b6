package io.nbo.contact.service;

import io.nbo.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The server talking to the test database through a {@link TcpProxy} the test cuts and restores; small stock blocks
 * (4 claims) so a node's block runs out during the outage; its own journal folder.
 */
public class OutageProfile implements QuarkusTestProfile {

    static final String JOURNAL = "target/outage-journal";

    @Override
    public Map<String, String> getConfigOverrides() {
        String real = System.getenv().getOrDefault("NBO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/nbo_test");
        return Map.of("quarkus.datasource.jdbc.url", TcpProxy.jdbcUrlTo(real),
                "nbo.contact.policy-file", "src/test/resources/policy/outage-stock.csv",
                "nbo.volume.block", "4",
                "nbo.journal.dir", JOURNAL);
    }
}
