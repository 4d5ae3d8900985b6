package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.NboConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.journal.DeadLetterFile;
import io.nbo.contact.journal.Journal;
import io.nbo.contact.persistence.LogStore;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision log over a real journal (a temporary folder) and a database stand-in that can be down or refuse
 * chosen records: transient failures are retried with back-off and nothing is lost; a record the database refuses is
 * set aside and the rest goes on; what was journaled is written after a restart.
 */
class DecisionLogTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final FlakyStore database = new FlakyStore();
    private final List<DecisionLog> logs = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (DecisionLog log : logs) {
            log.stop(null);
        }
    }

    private DecisionLog log(int capacity) {
        DecisionLog log = new DecisionLog(database, Journal.open(dir, 1 << 20, Duration.ofSeconds(5)),
                new DeadLetterFile(dir.resolve("dead-letters.jsonl")), new ConcurrentHashMap<>(), contact(capacity),
                Duration.ofSeconds(5), new SimpleMeterRegistry());
        logs.add(log);
        return log;
    }

    @Test
    void duringAnOutageEntriesWaitThenNewOnesAreRefusedAndAllAreWrittenInOrderOnceItIsBack() {
        database.down = true;
        DecisionLog log = log(3);
        log.start(null);

        record(log, "d-1");
        record(log, "d-2");
        RecordedOutcome opened = log.recordOutcome(outcome("d-1", ContactEventType.OPENED), "coffee");

        assertThat(opened.created()).isTrue();
        assertThatThrownBy(log::reserve).isInstanceOfSatisfying(UnavailableProblem.class, e -> {
            assertThat(e.getMessage()).isEqualTo("the decision log is full (3 decisions and outcomes waiting to be "
                    + "written); try again shortly");
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> log.state().databaseDown());
        assertThat(log.state().lastFailure()).isEqualTo("SQLSTATE 08001 (connection exception)");
        assertThat(log.pending("d-1")).isPresent();
        assertThat(log.find("d-2")).isPresent();
        assertThat(log.pendingEvents("C-1")).extracting(e -> e.type() + " " + e.decisionId())
                .containsExactlyInAnyOrder("OFFERED d-1", "OFFERED d-2", "OPENED d-1");

        database.down = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> log.backlog() == 0);

        assertThat(database.written).containsExactly("decision d-1", "decision d-2", "outcome OPENED of d-1");
        assertThat(log.state().databaseDown()).isFalse();
        assertThat(log.pending("d-1")).isEmpty();
        assertThat(log.find("d-1")).as("recent decisions stay readable").isPresent();
        log.reserve();
        log.cancel();
    }

    @Test
    void transientFailuresAreRetriedWithAGrowingPauseUntilTheBatchIsWritten() {
        database.failuresLeft = 4;
        DecisionLog log = log(10);
        log.start(null);

        record(log, "d-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> log.backlog() == 0);

        assertThat(database.attempts).hasSize(5);
        List<Long> pauses = new ArrayList<>();
        for (int i = 1; i < database.attempts.size(); i++) {
            pauses.add(Duration.between(database.attempts.get(i - 1), database.attempts.get(i)).toMillis());
        }
        // 100, 200, 400, 800 ms: each pause at least the back-off, and each longer than the one before.
        assertThat(pauses.get(0)).isGreaterThanOrEqualTo(100);
        assertThat(pauses.get(1)).isGreaterThanOrEqualTo(200);
        assertThat(pauses.get(2)).isGreaterThanOrEqualTo(400);
        assertThat(pauses.get(3)).isGreaterThanOrEqualTo(800);
        assertThat(database.written).containsExactly("decision d-1");
        assertThat(log.state().transientFailures()).isEqualTo(4);
        assertThat(log.state().permanentFailures()).isZero();
    }

    @Test
    void aRecordTheDatabaseRefusesIsSetAsideWithItsOutcomeAndNeverBlocksTheOthers() throws Exception {
        database.refused.add("d-2");
        database.down = true;
        DecisionLog log = log(10);
        log.start(null);
        record(log, "d-1");
        record(log, "d-2");
        log.recordOutcome(outcome("d-2", ContactEventType.CLICKED), null);
        record(log, "d-3");
        database.down = false;

        await().atMost(Duration.ofSeconds(10)).until(() -> log.backlog() == 0);
        record(log, "d-4");
        await().atMost(Duration.ofSeconds(10)).until(() -> log.backlog() == 0);

        assertThat(database.written).containsExactly("decision d-1", "decision d-3", "decision d-4");
        assertThat(log.state().permanentFailures()).isEqualTo(2);
        assertThat(log.deadLetters().count()).isEqualTo(2);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("dead-letters.jsonl"))) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("kind").asText() + " | " + l.get("what").asText() + " | "
                + l.get("sqlState").asText()).containsExactly("decision | decision d-2 | 22001",
                "outcome | outcome clicked of offer COFFEE-AM in decision d-2 | 23503");
        assertThat(lines.get(0).get("record").get("customerId").asText()).isEqualTo("C-1");
        assertThat(lines.get(1).get("record").get("outcome").get("outcome").asText()).isEqualTo("CLICKED");
    }

    @Test
    void whatWasJournaledBeforeACrashIsReadableAtOnceAndWrittenAfterTheRestart() throws Exception {
        database.down = true;
        DecisionLog before = log(10);
        before.start(null);
        record(before, "d-1");
        before.recordOutcome(outcome("d-1", ContactEventType.ACCEPTED), "coffee");
        record(before, "d-2");
        // The process ends with the database away: the writer gives up at once, the journal keeps everything.
        logs.remove(before);
        before.stop(null);
        assertThat(database.written).isEmpty();

        database.down = false;
        DecisionLog after = log(10);
        assertThat(after.pending("d-2")).isPresent();
        assertThat(after.pendingEvents("C-1")).extracting(e -> e.type() + " " + e.offerGroup())
                .contains("ACCEPTED coffee");
        assertThat(after.pendingOutcome(outcome("d-1", ContactEventType.ACCEPTED)))
                .hasValueSatisfying(o -> assertThat(o.created()).isFalse());
        after.start(null);

        await().atMost(Duration.ofSeconds(10)).until(() -> after.backlog() == 0);
        assertThat(database.written).containsExactly("decision d-1", "decision d-2", "outcome ACCEPTED of d-1");
        after.stop(null);
        logs.remove(after);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".wal")))
                    .as("every segment written is deleted").isEmpty();
        }
    }

    @Test
    void theSameOutcomeReportedTwiceBeforeItIsWrittenIsRecordedOnce() {
        database.down = true;
        DecisionLog log = log(10);
        log.start(null);
        record(log, "d-1");

        RecordedOutcome first = log.recordOutcome(outcome("d-1", ContactEventType.PURCHASED), null);
        RecordedOutcome second = log.recordOutcome(outcome("d-1", ContactEventType.PURCHASED), null);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.amount()).isEqualByComparingTo("4.50");
        assertThat(log.backlog()).isEqualTo(2);
    }

    private static void record(DecisionLog log, String id) {
        log.reserve();
        log.record(new LoggedDecision(id, "C-1", Channel.WEB, NOON, "rules-1", "policy-1", false,
                List.of(new LoggedDecision.Made("COFFEE-AM", "coffee", Channel.WEB, 1)), "agent"));
    }

    private static RecordedOutcome outcome(String decisionId, ContactEventType type) {
        return new RecordedOutcome(decisionId, "COFFEE-AM", "C-1", Channel.WEB, type, NOON.plusSeconds(60),
                NOON.plusSeconds(60), type == ContactEventType.PURCHASED ? new BigDecimal("4.50") : null, true);
    }

    /**
     * A database that can be down (connection refused, SQLSTATE 08001), fail the next N writes, or refuse chosen
     * decisions for good (value too long, 22001) and outcomes of a decision it does not hold (foreign key, 23503).
     */
    static final class FlakyStore implements LogStore {
        volatile boolean down;
        volatile int failuresLeft;
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<Instant> attempts = new CopyOnWriteArrayList<>();
        private final Set<String> held = ConcurrentHashMap.newKeySet();

        @Override
        public synchronized void write(List<LoggedDecision> decisions, List<RecordedOutcome> outcomes) {
            attempts.add(Instant.now());
            if (down || failuresLeft-- > 0) {
                throw new IllegalStateException("writing failed",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
            for (LoggedDecision d : decisions) {
                if (refused.contains(d.id())) {
                    throw new IllegalStateException("writing failed",
                            new SQLException("value too long for type character varying(64)", "22001"));
                }
            }
            for (RecordedOutcome o : outcomes) {
                if (!held.contains(o.decisionId()) && decisions.stream().noneMatch(d -> d.id().equals(o.decisionId()))) {
                    throw new IllegalStateException("writing failed",
                            new SQLException("violates foreign key constraint", "23503"));
                }
            }
            decisions.forEach(d -> {
                held.add(d.id());
                written.add("decision " + d.id());
            });
            outcomes.forEach(o -> written.add("outcome " + o.outcome() + " of " + o.decisionId()));
        }
    }

    private static NboConfig.Contact contact(int capacity) {
        return new NboConfig.Contact() {
            @Override public String policyFile() { return "none.csv"; }
            @Override public int historyDays() { return 366; }
            @Override public int logQueueCapacity() { return capacity; }
            @Override public int logBatchSize() { return 500; }
            @Override public long logEnqueueTimeoutMs() { return 50; }
        };
    }
}
