package io.nbo.campaign.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test hook: makes the next run on this node stop dead after a number of pages, as if the node had died (the run stays
 * running, its lease lapses, and a node resumes it). Never armed in production.
 */
@ApplicationScoped
public class RunFaults {

    /** Thrown where a crash would stop a run. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int pages) {
            super("simulated crash after " + pages + " pages");
        }
    }

    private final AtomicInteger crashAfterPages = new AtomicInteger();

    public void crashAfterPages(int pages) {
        crashAfterPages.set(pages);
    }

    void pageWritten(int pages) {
        int after = crashAfterPages.get();
        if (after > 0 && pages >= after && crashAfterPages.compareAndSet(after, 0)) {
            throw new SimulatedCrash(pages);
        }
    }
}
