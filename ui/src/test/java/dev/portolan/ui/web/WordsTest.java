package dev.portolan.ui.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void shortDurationsKeepMillisecondsSecondsAndMinutes() {
        assertThat(Words.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Words.duration(Duration.ofMillis(3_240))).isEqualTo("3.2 s");
        assertThat(Words.duration(Duration.ofSeconds(4 * 60 + 5))).isEqualTo("4 min 05 s");
        assertThat(Words.duration(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 min 59 s");
    }

    @Test
    void anHourOrMoreIsShownInHoursAndMinutes() {
        assertThat(Words.duration(Duration.ofHours(1))).isEqualTo("1 h 0 min");
        assertThat(Words.duration(Duration.ofHours(2).plusMinutes(5).plusSeconds(40))).isEqualTo("2 h 5 min");
        assertThat(Words.duration(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 h 59 min");
    }

    @Test
    void aDayOrMoreIsShownInDaysAndHours() {
        assertThat(Words.duration(Duration.ofDays(3).plusHours(4).plusMinutes(30))).isEqualTo("3 d 4 h");
        assertThat(Words.duration(Duration.ofMinutes(488_340))).isEqualTo("339 d 3 h");
    }
}
