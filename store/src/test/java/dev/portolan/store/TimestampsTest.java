package dev.portolan.store;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void everyStoredTimestampReadsBackAsTheInstantItWasWrittenFrom() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            String stored = Timestamps.format(instant);
            assertThat(Timestamps.parse(stored)).as(stored).isEqualTo(instant).isEqualTo(Instant.parse(stored));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00.000000000Z", "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00.000000001Z", "0000-01-01T00:00:00.000000000Z", "9999-12-31T23:59:59.999999999Z"}) {
            assertThat(Timestamps.parse(edge)).as(edge).isEqualTo(Instant.parse(edge));
            assertThat(Timestamps.format(Timestamps.parse(edge))).isEqualTo(edge);
        }
    }

    @Test
    void writesExactlyWhatTheFormatterWrites() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(11);
        long min = Instant.parse("-0500-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).isEqualTo(formatter.format(instant));
        }
        for (String edge : new String[] {"1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "2026-12-08T04:05:06.000000007Z"}) {
            assertThat(Timestamps.format(Instant.parse(edge))).as(edge).isEqualTo(formatter.format(Instant.parse(edge)));
        }
        assertThat(Timestamps.format(null)).isNull();
    }

    @Test
    void anImpossibleDateOrTimeIsRefusedNotRolledOver() {
        for (String wrong : new String[] {"2026-02-30T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z",
                "2026-12-07T25:00:00.000000000Z", "2026-12-07T12:60:00.000000000Z", "2026-12-07T12:00:61.000000000Z"}) {
            assertThatThrownBy(() -> Timestamps.parse(wrong)).as(wrong).isInstanceOf(DateTimeException.class);
        }
        // What ISO-8601 allows and Instant.parse reads (the end of a day, a leap second) reads the same.
        for (String edge : new String[] {"2026-12-07T24:00:00.000000000Z", "2026-12-31T23:59:60.000000000Z"}) {
            assertThat(Timestamps.parse(edge)).as(edge).isEqualTo(Instant.parse(edge));
        }
    }

    @Test
    void textOfAnotherShapeIsReadAsIsoInstants() {
        assertThat(Timestamps.parse("2026-12-07T16:46:56Z")).isEqualTo(Instant.parse("2026-12-07T16:46:56Z"));
        assertThat(Timestamps.parse("2026-12-07T16:46:56.5Z")).isEqualTo(Instant.parse("2026-12-07T16:46:56.500Z"));
        assertThat(Timestamps.parse(null)).isNull();
        assertThatThrownBy(() -> Timestamps.parse("2026-12-07 16:46:56.123456789Z")).isInstanceOf(DateTimeException.class);
    }
}
