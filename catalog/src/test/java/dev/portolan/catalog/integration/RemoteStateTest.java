package dev.portolan.catalog.integration;

import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteStateTest {

    private static final Instant ASKED = Instant.parse("2026-01-02T03:00:00Z");

    private static RemoteState reportedAt(String updatedAt) {
        return RemoteState.registered("ocean", "ocean-client", "1.0", null)
                .withResyncState(Json.object().put("status", "running").put("updatedAt", updatedAt), "r1");
    }

    @Test
    void noRequestIsPendingWhenNoneWasMade() {
        assertThat(reportedAt("2026-01-02T02:00:00Z").resyncRequestPending()).isFalse();
    }

    @Test
    void aRequestIsPendingUntilTheIntegrationReportsAResyncStateAfterIt() {
        assertThat(RemoteState.registered("ocean", "ocean-client", "1.0", null).withResyncRequest(ASKED).resyncRequestPending()).isTrue();
        assertThat(reportedAt("2026-01-02T02:59:59Z").withResyncRequest(ASKED).resyncRequestPending()).isTrue();
        assertThat(reportedAt("2026-01-02T03:00:01Z").withResyncRequest(ASKED).resyncRequestPending()).isFalse();
    }
}
