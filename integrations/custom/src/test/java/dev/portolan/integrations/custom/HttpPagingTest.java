package dev.portolan.integrations.custom;

import dev.portolan.integrations.custom.TestServer.Answer;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portolan.integrations.custom.Kinds.allPages;
import static dev.portolan.integrations.custom.Kinds.fetcher;
import static dev.portolan.integrations.custom.Kinds.field;
import static org.assertj.core.api.Assertions.assertThat;

class HttpPagingTest {

    private final TestServer server = new TestServer();
    private final Kinds.RecordingSleeper sleeper = new Kinds.RecordingSleeper();
    private final CustomIntegration integration = Kinds.integration(sleeper);

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Page> read(String kindJson) throws Exception {
        Settings settings = Kinds.settings("service", kindJson);
        return allPages(fetcher(integration, settings, "service"));
    }

    @Test
    void readsABodyThatIsAJsonArrayAsOnePage() throws Exception {
        server.on("/services", Answer.json("[{\"id\": 1}, {\"id\": 2}]"));

        List<Page> pages = read("{'url': '" + server.url("/services") + "'}");

        assertThat(pages).hasSize(1);
        assertThat(field(pages, "id")).containsExactly("1", "2");
        assertThat(pages.getFirst().isLast()).isTrue();
    }

    @Test
    void readsABodyOfJsonLinesAsOneObjectPerLine() throws Exception {
        server.on("/export", new Answer(200, java.util.Map.of("Content-Type", "application/x-ndjson"),
                "{\"id\": \"a\"}\n{\"id\": \"b\"}\r\n\n{\"id\": \"c\"}\n"));

        assertThat(field(read("{'url': '" + server.url("/export") + "'}"), "id")).containsExactly("a", "b", "c");
    }

    @Test
    void followsAnAbsoluteNextUrlFromNextPath() throws Exception {
        server.on("/v1/services", Answer.json("{\"items\": [{\"id\": 1}], \"next\": \"" + server.url("/v1/services/page2") + "\"}"));
        server.on("/v1/services/page2", Answer.json("{\"items\": [{\"id\": 2}], \"next\": null}"));

        List<Page> pages = read("{'url': '" + server.url("/v1/services") + "', 'itemsPath': '.items', 'nextPath': '.next'}");

        assertThat(field(pages, "id")).containsExactly("1", "2");
        assertThat(server.requestedPaths()).containsExactly("/v1/services", "/v1/services/page2");
    }

    @Test
    void resolvesARelativeNextUrlAgainstTheCurrentPage() throws Exception {
        server.on("/api/services", request -> request.pathAndQuery().contains("page=2")
                ? Answer.json("{\"data\": {\"rows\": [{\"id\": 2}]}, \"links\": {}}")
                : Answer.json("{\"data\": {\"rows\": [{\"id\": 1}]}, \"links\": {\"next\": \"/api/services?page=2\"}}"));

        List<Page> pages = read("{'url': '" + server.url("/api/services") + "', 'itemsPath': '.data.rows', 'nextPath': '.links.next'}");

        assertThat(field(pages, "id")).containsExactly("1", "2");
        assertThat(server.requestedPaths()).containsExactly("/api/services", "/api/services?page=2");
    }

    @Test
    void sendsABareCursorAsTheCursorParameterKeepingTheOtherParameters() throws Exception {
        server.on("/teams", request -> switch (request.pathAndQuery()) {
            case "/teams?limit=2" -> Answer.json("{\"teams\": [{\"id\": 1}, {\"id\": 2}], \"meta\": {\"after\": \"c/2 x\"}}");
            case "/teams?limit=2&after=c%2F2+x" -> Answer.json("{\"teams\": [{\"id\": 3}], \"meta\": {\"after\": 7}}");
            case "/teams?limit=2&after=7" -> Answer.json("{\"teams\": [], \"meta\": {\"after\": \"\"}}");
            default -> Answer.status(400, "unexpected " + request.pathAndQuery());
        });

        List<Page> pages = read("{'url': '" + server.url("/teams?limit=2") + "', 'itemsPath': '.teams', "
                + "'nextPath': '.meta.after', 'cursorParam': 'after'}");

        assertThat(field(pages, "id")).containsExactly("1", "2", "3");
        assertThat(pages).hasSize(3);
    }

    @Test
    void sendsACursorAsTheQueryParameterNamedCursorByDefault() throws Exception {
        server.on("/items", request -> request.pathAndQuery().endsWith("cursor=abc")
                ? Answer.json("{\"items\": [{\"id\": 2}]}")
                : Answer.json("{\"items\": [{\"id\": 1}], \"cursor\": \"abc\"}"));

        List<Page> pages = read("{'url': '" + server.url("/items") + "', 'itemsPath': '.items', 'nextPath': '.cursor'}");

        assertThat(field(pages, "id")).containsExactly("1", "2");
        assertThat(server.requestedPaths()).containsExactly("/items", "/items?cursor=abc");
    }

    @Test
    void followsTheLinkHeadersNextPage() throws Exception {
        server.on("/repos", request -> request.pathAndQuery().endsWith("page=2")
                ? Answer.json("[{\"id\": 3}]").withHeader("Link", "<" + server.url("/repos?page=1") + ">; rel=\"prev\", <"
                        + server.url("/repos?page=1") + ">; rel=\"first\"")
                : Answer.json("[{\"id\": 1}, {\"id\": 2}]").withHeader("Link", "<" + server.url("/repos?page=2") + ">; rel=\"next\", <"
                        + server.url("/repos?page=2") + ">; rel=\"last\""));

        List<Page> pages = read("{'url': '" + server.url("/repos") + "'}");

        assertThat(field(pages, "id")).containsExactly("1", "2", "3");
        assertThat(server.requestedPaths()).containsExactly("/repos", "/repos?page=2");
    }

    @Test
    void sendsTheKindsHeadersWithEveryRequest() throws Exception {
        server.on("/secure", request -> "Bearer s3cret".equals(request.header("Authorization"))
                ? Answer.json("[{\"id\": 1}]") : Answer.status(401, "no"));

        List<Page> pages = read("{'url': '" + server.url("/secure") + "', 'headers': {'Authorization': 'Bearer s3cret', 'X-Team': 'platform'}}");

        assertThat(field(pages, "id")).containsExactly("1");
        assertThat(server.requests().getFirst().header("X-Team")).isEqualTo("platform");
    }

    @Test
    void readsNothingFromAnEmptyArray() throws Exception {
        server.on("/empty", Answer.json("[]"));

        List<Page> pages = read("{'url': '" + server.url("/empty") + "'}");

        assertThat(pages).singleElement().satisfies(page -> assertThat(page.objects()).isEmpty());
    }
}
