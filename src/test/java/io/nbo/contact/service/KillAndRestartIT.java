package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.support.PackagedServer;
import io.nbo.support.TcpProxy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the packaged server acknowledged survives {@code kill -9}: decisions and outcomes are sent to the jar in its
 * production profile, first with the database there, then with it taken away (a {@link TcpProxy} between the server
 * and PostgreSQL is cut, so those exist only in the server's memory and journal); the process is killed with SIGKILL
 * right after the last acknowledgement and started again, and every acknowledged decision, offer and outcome must
 * then be in PostgreSQL.
 */
class KillAndRestartIT {

    private static final Path JOURNAL = Path.of("target", "kill-restart-journal");
    private static final Duration START = Duration.ofMinutes(3);
    private static final int VISITORS = 10;
    private static final int PER_PHASE = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String database = System.getenv().getOrDefault("NBO_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/nbo_test");
    private final Set<String> decisions = ConcurrentHashMap.newKeySet();
    private final Set<String> offers = ConcurrentHashMap.newKeySet();
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedDecisionAndOutcomeIsInPostgresqlAfterAKill9AndARestart() throws Exception {
        deleteJournal();
        PackagedServer first = PackagedServer.start("kill-restart-first", TcpProxy.jdbcUrlTo(database), JOURNAL,
                START);
        Set<String> whileAway;
        try {
            for (int v = 0; v < VISITORS; v++) {
                decideAndReport(first, v);
            }
            send(first, PER_PHASE);
            TcpProxy.cut();
            Set<String> before = Set.copyOf(decisions);
            send(first, PER_PHASE);
            first.kill();
            whileAway = new HashSet<>(decisions);
            whileAway.removeAll(before);
        } finally {
            TcpProxy.restore();
            first.close();
        }
        assertThat(whileAway).hasSize(PER_PHASE);
        assertThat(stored("select id from decision_log where id = any(?)", whileAway))
                .as("nothing acknowledged while the database was away reached it before the kill").isEmpty();

        try (PackagedServer second = PackagedServer.start("kill-restart-second", database, JOURNAL, START)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    stored("select id from decision_log where id = any(?)", decisions)).isEqualTo(decisions));
            assertThat(stored("select decision_id || '/' || offer_id from decision_offer where decision_id = any(?)",
                    decisions)).isEqualTo(offers);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored(
                    "select decision_id || '/' || offer_id || '/' || lower(outcome) from decision_outcome "
                            + "where decision_id = any(?)", decisions)).isEqualTo(outcomes));
            assertThat(second.output()).containsPattern("Journal \\S+: \\d+ records from an earlier run to write to "
                    + "the database");
        }
    }

    /** Decisions from four callers at once, each followed by an outcome for its first offer. */
    private void send(PackagedServer server, int count) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int visitor = i % VISITORS;
                sent.add(callers.submit(() -> {
                    decideAndReport(server, visitor);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            callers.shutdown();
        }
    }

    private void decideAndReport(PackagedServer server, int visitor) throws IOException, InterruptedException {
        HttpResponse<String> answer = server.post("/api/decisions", """
                {"customerId": "IT-VISITOR-%02d", "touchpoint": "web"}
                """.formatted(visitor));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode decision = JSON.readTree(answer.body());
        String id = decision.get("decisionId").asText();
        decisions.add(id);
        List<String> made = new ArrayList<>();
        decision.get("offers").forEach(o -> made.add(o.get("offerId").asText()));
        assertThat(made).as("a visitor on the web gets the welcome offer").isNotEmpty();
        made.forEach(offer -> offers.add(id + "/" + offer));
        HttpResponse<String> outcome = server.post("/api/decisions/" + id + "/outcomes", """
                {"offerId": "%s", "outcome": "opened"}
                """.formatted(made.get(0)));
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(201);
        outcomes.add(id + "/" + made.get(0) + "/opened");
    }

    private Set<String> stored(String sql, Set<String> ids) throws Exception {
        Set<String> rows = new HashSet<>();
        try (Connection c = DriverManager.getConnection(database, System.getenv().getOrDefault("NBO_DB_USER", "nbo"),
                System.getenv().getOrDefault("NBO_DB_PASSWORD", "nbo"));
             PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("varchar", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static void deleteJournal() throws IOException {
        if (!Files.exists(JOURNAL)) {
            return;
        }
        try (Stream<Path> files = Files.walk(JOURNAL)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
