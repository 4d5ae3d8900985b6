package io.nbo.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A server of its own for the hostile-input walk: it calls every operation as an admin, so whatever a hostile request
 * might change stays in this server's life (the database is cleaned when the next profile starts). It never writes to
 * or watches the rule folders.
 */
public class HostileInputProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.rules.watch", "false", "nbo.rules.write-through", "false");
    }
}
