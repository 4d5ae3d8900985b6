package io.nbo.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Outside Quarkus nobody configures logging, and the JBoss log manager on the class path then accepts TRACE and
 * buffers every record: Drools' trace messages (formatted path and segment memories) took a quarter of the profile.
 * The server runs with org.drools at WARN (application.properties); the benchmark must run the same way.
 */
final class BenchLogging {

    static void quiet() {
        Logger.getLogger("").setLevel(Level.INFO);
        Logger.getLogger("org.drools").setLevel(Level.WARNING);
        Logger.getLogger("org.kie").setLevel(Level.WARNING);
    }

    private BenchLogging() {
    }
}
