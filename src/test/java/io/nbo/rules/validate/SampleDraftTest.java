package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.fixtures.SampleRules;
import io.nbo.offer.Offer;
import io.nbo.rules.compile.RuleSourceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleDraftTest {

    @Test
    void sampleTablesPassEveryCheck() {
        DraftReport report = new DraftChecker().check(new RuleSourceLoader().loadAll(Path.of("decision-tables"),
                Path.of("rules")), SampleRules.catalogue().stream().map(Offer::id).collect(Collectors.toSet()));
        assertThat(report.errors()).isEmpty();
        assertThat(report.testFailures()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
    }
}
