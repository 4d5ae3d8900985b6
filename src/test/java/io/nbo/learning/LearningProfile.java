package io.nbo.learning;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The server with learning and exploration on, draws from a fixed seed; tests catch up by hand, not by waiting. */
public class LearningProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.learning.enabled", "true", "nbo.learning.explore", "true", "nbo.learning.seed", "20261123",
                "nbo.learning.refresh-interval", "1h", "nbo.learning.flush-interval", "1h",
                "nbo.learning.import-batch", "1000");
    }
}
