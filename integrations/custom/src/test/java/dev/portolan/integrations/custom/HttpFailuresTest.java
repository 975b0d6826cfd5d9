package dev.portolan.integrations.custom;

import dev.portolan.integrations.custom.TestServer.Answer;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.portolan.integrations.custom.Kinds.allPages;
import static dev.portolan.integrations.custom.Kinds.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpFailuresTest {

    private final TestServer server = new TestServer();
    private final Kinds.RecordingSleeper sleeper = new Kinds.RecordingSleeper();
    private final CustomIntegration integration = Kinds.integration(sleeper);

    @AfterEach
    void stop() {
        server.close();
    }

    private Fetcher fetcher(String kindJson) {
        return Kinds.fetcher(integration, Kinds.settings("service", kindJson), "service");
    }

    private FetchException failure(String kindJson) {
        return catchThrowableOfType(FetchException.class, () -> allPages(fetcher(kindJson)));
    }

    @Test
    void aFailureMessageHidesTheCredentialsOfTheUrlAndTheParametersTheKindMarkedSecret() {
        server.on("/services", Answer.status(404, "gone"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "?api_key=Kq9zX&tenant=Tq7wY&limit=5',"
                + " 'secretQueryParams': ['tenant']}");

        assertThat(failure.getMessage()).contains("/services?api_key=********&tenant=********&limit=5")
                .doesNotContain("Kq9zX", "Tq7wY");
    }

    @Test
    void retriesA429AfterTheSecondsRetryAfterAsks() throws Exception {
        server.onInTurn("/services", Answer.status(429, "slow down").withHeader("Retry-After", "7"), Answer.json("[{\"id\": 1}]"));

        assertThat(field(allPages(fetcher("{'url': '" + server.url("/services") + "'}")), "id")).containsExactly("1");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retriesA429UntilTheHttpDateRetryAfterNames() throws Exception {
        server.onInTurn("/services", Answer.status(429, "").withHeader("Retry-After", "Fri, 27 Nov 2026 12:00:30 GMT"),
                Answer.json("[{\"id\": 1}]"));

        allPages(fetcher("{'url': '" + server.url("/services") + "'}"));

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retriesA503WithExponentialBackoffAndSucceeds() throws Exception {
        server.onInTurn("/services", Answer.status(503, "busy"), Answer.status(502, ""), Answer.status(500, ""),
                Answer.json("[{\"id\": 1}]"));

        assertThat(field(allPages(fetcher("{'url': '" + server.url("/services") + "'}")), "id")).containsExactly("1");
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void givesUpAfterFiveAttemptsWithARetriableFailure() {
        server.on("/services", Answer.status(503, "maintenance until noon"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "'}");

        assertThat(server.requests()).hasSize(5);
        assertThat(sleeper.sleeps).hasSize(4);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.getMessage()).contains("GET " + server.url("/services"), "503", "maintenance until noon", "5 attempts");
    }

    @Test
    void retriesAFailingNextPageToo() throws Exception {
        server.on("/a", Answer.json("[{\"id\": 1}]").withHeader("Link", "</b>; rel=\"next\""));
        server.onInTurn("/b", Answer.status(429, ""), Answer.json("[{\"id\": 2}]"));

        assertThat(field(allPages(fetcher("{'url': '" + server.url("/a") + "'}")), "id")).containsExactly("1", "2");
        assertThat(server.requestedPaths()).containsExactly("/a", "/b", "/b");
    }

    @Test
    void failsForGoodOn401AndSaysToCheckTheHeaders() {
        server.on("/services", Answer.status(401, "{\"error\": \"bad token\"}"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "', 'headers': {'Authorization': 'Bearer nope'}}");

        assertThat(server.requests()).hasSize(1);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("401", "bad token", "settings.kinds.service.headers", "Authorization")
                .doesNotContain("Bearer nope");
    }

    @Test
    void failsForGoodOn403() {
        server.on("/services", Answer.status(403, ""));

        FetchException failure = failure("{'url': '" + server.url("/services") + "'}");

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("403", "credentials");
    }

    @Test
    void failsForGoodOn404NamingTheUrl() {
        FetchException failure = failure("{'url': '" + server.url("/nowhere") + "'}");

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("GET " + server.url("/nowhere"), "404", "settings.kinds.service.url");
    }

    @Test
    void doesNotFollowARedirectSoTheHeadersStayWithTheirServer() {
        server.on("/old", Answer.status(301, "").withHeader("Location", "https://elsewhere.example/new"));

        FetchException failure = failure("{'url': '" + server.url("/old") + "', 'headers': {'Authorization': 'Bearer t'}}");

        assertThat(server.requests()).hasSize(1);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("301", "https://elsewhere.example/new", "settings.kinds.service.url");
    }

    @Test
    void reportsInvalidJsonWithTheUrlAndTheParseError() {
        server.on("/services", Answer.json("[{\"id\": 1}, {\"id\": ]"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "'}");

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains(server.url("/services"), "not valid JSON", "line 1");
    }

    @Test
    void saysSoWhenItemsPathDoesNotGiveAnArray() {
        server.on("/services", Answer.json("{\"items\": {\"id\": 1}}"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "', 'itemsPath': '.items'}");

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("itemsPath '.items'", "gave object, not an array");
    }

    @Test
    void suggestsAFallbackWhenItemsPathGivesNull() {
        server.on("/services", Answer.json("{\"data\": null}"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "', 'itemsPath': '.items'}");

        assertThat(failure.getMessage()).contains("gave null", ".items // []");
    }

    @Test
    void suggestsItemsPathWhenTheBodyIsAnObjectHoldingTheItems() {
        server.on("/services", Answer.json("{\"items\": [1, 2]}"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "', 'nextPath': '.next'}");

        assertThat(failure.getMessage()).contains("not an array", "settings.kinds.service.itemsPath");
    }

    @Test
    void refusesItemsThatAreNotObjects() {
        server.on("/services", Answer.json("[{\"id\": 1}, \"two\"]"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "'}");

        assertThat(failure.getMessage()).contains("item 2", "is string, not an object");
    }

    @Test
    void stopsWhenNextPathPointsAtTheSamePageAgain() {
        server.on("/services", Answer.json("{\"items\": [{\"id\": 1}], \"next\": \"/services\"}"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "', 'itemsPath': '.items', 'nextPath': '.next'}");

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("same URL again", "nextPath");
    }

    @Test
    void retriesWhenNothingListensAndThenFailsRetriably() throws Exception {
        String url;
        try (TestServer gone = new TestServer()) {
            url = gone.url("/services");
        }

        FetchException failure = failure("{'url': '" + url + "'}");

        assertThat(failure.retriable()).isTrue();
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(failure.getMessage()).contains(url, "gave up after 5 attempts");
    }

    @Test
    void failsRetriablyWhenRetryAfterAsksForLongerThanAResyncWaits() {
        server.on("/services", Answer.status(429, "").withHeader("Retry-After", "3600"));

        FetchException failure = failure("{'url': '" + server.url("/services") + "'}");

        assertThat(failure.retriable()).isTrue();
        assertThat(failure.getMessage()).contains("asked to wait 3600 s");
        assertThat(sleeper.sleeps).isEmpty();
    }
}
