package dev.portolan.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIdsTest {

    @Test
    void idsAreVersion7UuidsThatStartWithTheirTime() {
        long millis = Instant.parse("2026-12-07T20:00:00.123Z").toEpochMilli();
        UUID id = UUID.fromString(AuditIds.next(millis));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsOfOneMillisecondAreUniqueAndLaterOnesSortAfterThemAsText() {
        long millis = Instant.parse("2026-12-07T20:00:00Z").toEpochMilli();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(AuditIds.next(millis));
        }
        assertThat(ids).hasSize(100_000);
        String latest = ids.stream().max(String::compareTo).orElseThrow();
        for (int i = 0; i < 1_000; i++) {
            assertThat(AuditIds.next(millis + 1)).isGreaterThan(latest);
        }
    }
}
