package io.nbo.contact.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records PostgreSQL refuses for good (a value too long for its column, a zero byte in a text, an outcome whose
 * decision was refused) are set aside in the dead-letter file and reported by SQLSTATE, without the personal data in
 * them reaching the log; the records around them are written and the log goes on. Also: writing the same batch twice
 * (a restart replaying the journal) changes nothing.
 */
@QuarkusTest
class PoisonRecordTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final String PERSONAL = "jane.doe@example.com";

    @Inject
    DecisionLog log;

    @Inject
    DecisionLogRepository repository;

    @Inject
    DataSource dataSource;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void clean() throws Exception {
        Files.deleteIfExists(log.deadLetters().path());
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void done() throws Exception {
        Logger.getLogger("").removeHandler(capture);
        Files.deleteIfExists(log.deadLetters().path());
    }

    @Test
    void poisonRecordsAreSetAsideAndReportedAndTheRecordsAroundThemAreWritten() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LoggedDecision before = decision("good-1-" + run, "C-POISON", "rules-1");
        LoggedDecision tooLong = decision("long-" + run, PERSONAL, "r".repeat(200));
        LoggedDecision zeroByte = decision("zero-" + run, PERSONAL + "\u0000", "rules-1");
        LoggedDecision after = decision("good-2-" + run, "C-POISON", "rules-1");
        long refusedBefore = log.state().permanentFailures();

        record(before);
        record(tooLong);
        log.recordOutcome(outcome(tooLong), "coffee");
        record(zeroByte);
        record(after);
        log.recordOutcome(outcome(after), "coffee");
        await().atMost(Duration.ofSeconds(20)).until(() -> log.backlog() == 0);

        assertThat(ids("select id from decision_log where id like ?", "%" + run))
                .containsExactlyInAnyOrder(before.id(), after.id());
        assertThat(ids("select decision_id from decision_outcome where decision_id like ?", "%" + run))
                .containsExactly(after.id());
        List<JsonNode> letters = new ArrayList<>();
        for (String line : Files.readAllLines(log.deadLetters().path())) {
            letters.add(new ObjectMapper().readTree(line));
        }
        assertThat(letters).extracting(l -> l.get("what").asText() + " | " + l.get("sqlState").asText())
                .containsExactly("decision " + tooLong.id() + " | 22001",
                        "outcome accepted of offer COFFEE-AM in decision " + tooLong.id() + " | 23503",
                        "decision " + zeroByte.id() + " | 22021");
        assertThat(letters.get(0).get("record").get("ruleSetVersion").asText()).hasSize(200);
        assertThat(log.state().permanentFailures() - refusedBefore).isEqualTo(3);

        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'decision-log-dead-letters' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'decision-log-dead-letters' }.data.count", equalTo(3));
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString())
                .contains("nbo_decision_log_dead_letters_total " + (double) log.state().permanentFailures());
        assertThat(logged).anyMatch(l -> l.contains("The database refused decision " + tooLong.id()
                + " for good (SQLSTATE 22001 (data exception)); set aside in"));
        assertThat(logged).noneMatch(l -> l.contains("jane.doe"));

        Files.delete(log.deadLetters().path());
        given().get("/q/health/well").then()
                .body("checks.find { it.name == 'decision-log-dead-letters' }.status", equalTo("UP"));
    }

    @Test
    void writingTheSameBatchTwiceLeavesOneRowOfEach() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LoggedDecision decision = decision("twice-" + run, "C-POISON", "rules-1");

        repository.write(List.of(decision), List.of(outcome(decision)));
        repository.write(List.of(decision), List.of(outcome(decision)));

        assertThat(ids("select id from decision_log where id = ?", decision.id())).containsExactly(decision.id());
        assertThat(ids("select offer_id from decision_offer where decision_id = ?", decision.id()))
                .containsExactly("COFFEE-AM");
        assertThat(ids("select outcome from decision_outcome where decision_id = ?", decision.id()))
                .containsExactly("ACCEPTED");
    }

    private void record(LoggedDecision decision) {
        log.reserve();
        log.record(decision);
    }

    private List<String> ids(String sql, String parameter) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static LoggedDecision decision(String id, String customerId, String ruleSetVersion) {
        return new LoggedDecision(id, customerId, Channel.WEB, NOON, ruleSetVersion, "policy-1", false,
                List.of(new LoggedDecision.Made("COFFEE-AM", "coffee", Channel.WEB, 1)), "key:test-client");
    }

    private static RecordedOutcome outcome(LoggedDecision decision) {
        return new RecordedOutcome(decision.id(), "COFFEE-AM", decision.customerId(), Channel.WEB,
                ContactEventType.ACCEPTED, NOON.plusSeconds(60), NOON.plusSeconds(60), null, true);
    }
}
