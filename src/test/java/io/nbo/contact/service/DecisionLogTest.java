package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.NboConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.offer.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decision log keeps every acknowledged decision through a database outage and refuses new ones when full. */
class DecisionLogTest {

    private final FlakyRepository database = new FlakyRepository();
    private final DecisionLog log = new DecisionLog(database, config(2));

    @AfterEach
    void stop() throws InterruptedException {
        log.stop(null);
    }

    @Test
    void duringAnOutageDecisionsWaitInMemoryThenNewOnesAreRefusedAndAllAreWrittenOnceItIsBack() {
        database.down = true;
        log.start(null);

        log.reserve();
        log.record(decision("d-1"));
        log.reserve();
        log.record(decision("d-2"));

        assertThatThrownBy(log::reserve).isInstanceOfSatisfying(UnavailableProblem.class, e -> {
            assertThat(e.getMessage()).startsWith("the decision log is full (");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        assertThat(log.pending("d-1")).isPresent();
        assertThat(log.pendingFor("C-1")).extracting(LoggedDecision::id).containsExactlyInAnyOrder("d-1", "d-2");

        database.down = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> log.backlog() == 0);

        assertThat(database.written).extracting(LoggedDecision::id).containsExactly("d-1", "d-2");
        assertThat(log.pending("d-1")).isEmpty();
        log.reserve();
        log.cancel();
    }

    private static LoggedDecision decision(String id) {
        return new LoggedDecision(id, "C-1", Channel.WEB, Instant.parse("2026-11-23T12:00:00Z"), "rules-1", "policy-1",
                false, List.of(new LoggedDecision.Made("A", null, Channel.WEB, 1)), "agent");
    }

    /** A database that can be down: writes fail until it is back, then are kept in order. */
    static final class FlakyRepository extends DecisionLogRepository {
        volatile boolean down;
        final List<LoggedDecision> written = new CopyOnWriteArrayList<>();

        FlakyRepository() {
            super(null);
        }

        @Override
        public void insertAll(List<LoggedDecision> decisions) {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            written.addAll(decisions);
        }
    }

    private static NboConfig config(int capacity) {
        NboConfig.Contact contact = new NboConfig.Contact() {
            @Override public String policyFile() { return "none.csv"; }
            @Override public int historyDays() { return 366; }
            @Override public int logQueueCapacity() { return capacity; }
            @Override public int logBatchSize() { return 500; }
            @Override public long logEnqueueTimeoutMs() { return 50; }
        };
        return new NboConfig() {
            @Override public Rules rules() { return null; }
            @Override public Decision decision() { return null; }
            @Override public SampleData sampleData() { return null; }
            @Override public Contact contact() { return contact; }
        };
    }
}
