package io.nbo.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.funnel.FunnelRange.Bucket;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The funnel's range: defaults, week buckets clipped to the range, days in a zone across a clock change. */
class FunnelRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final FunnelRangeParser parser = new FunnelRangeParser(30, 731);

    @Test
    void withoutDatesTheLast30DaysUpToTodayInUtcPerDay() {
        FunnelRange range = parser.parse(null, null, null, null, NOW);
        assertThat(range.from()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(range.to()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(range.zone().getId()).isEqualTo("UTC");
        assertThat(range.bucket()).isEqualTo(Bucket.DAY);
        assertThat(range.bucketStarts()).hasSize(30);
    }

    @Test
    void todayIsTheZonesToday() {
        FunnelRange range = parser.parse(null, null, "Pacific/Auckland", null, Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(range.to()).isEqualTo(LocalDate.parse("2026-11-24"));
    }

    @Test
    void weeksStartOnMondayAndAreClippedToTheRange() {
        FunnelRange range = parser.parse("2026-11-04", "2026-11-17", null, "week", NOW);
        assertThat(range.bucketStarts()).containsExactly(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-09"),
                LocalDate.parse("2026-11-16"));
        assertThat(range.bucketOf(LocalDate.parse("2026-11-08"))).isEqualTo(0);
        assertThat(range.bucketOf(LocalDate.parse("2026-11-09"))).isEqualTo(1);
        assertThat(range.bucketOf(LocalDate.parse("2026-11-17"))).isEqualTo(2);
    }

    @Test
    void aDayWithAClockChangeIsItsLocalDay() {
        FunnelRange range = parser.parse("2026-03-29", "2026-03-29", "Europe/London", null, NOW);
        assertThat(range.start()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
    }

    @Test
    void theLongestRangeIsAllowedAndOneDayMoreIsNot() {
        assertThat(parser.parse("2024-11-23", "2026-11-23", null, null, NOW).bucketStarts()).hasSize(731);
        assertThatThrownBy(() -> parser.parse("2024-11-22", "2026-11-23", null, null, NOW))
                .isInstanceOf(InvalidFieldProblem.class)
                .hasMessage("the range 2024-11-22 to 2026-11-23 covers 732 days; a report covers at most 731 "
                        + "(nbo.funnel.max-days): ask for a shorter range");
    }
}
