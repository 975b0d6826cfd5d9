package dev.portolan.server.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.SearchPage;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole result in one response (the bare search, a blueprint's listing), served by a real Javalin
 * server with the API's error handling: its pages come from a page source that can fail, as a
 * database that goes away between two pages would.
 */
class StreamedEntitiesTest {

    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    /** Serves {@code pages} at {@code POST /search}, with the API's error handling; returns the port. */
    private int serve(StreamedEntities.Pages pages) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/search", ctx -> new StreamedEntities(pages, EntityProjection.ALL, true).send(ctx));
            ApiErrors.register(cfg.routes);
        }).start("127.0.0.1", 0);
        return app.port();
    }

    private static HttpResponse<String> search(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/search"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Pages of {@code size} entities; {@code failing} (1-based) throws instead, and {@code count} pages in all. */
    private static StreamedEntities.Pages pages(int size, int count, int failing, AtomicInteger reads) {
        return from -> {
            int number = reads.incrementAndGet();
            if (number == failing) throw new IllegalStateException("the database went away");
            List<Entity> entities = new ArrayList<>();
            for (int i = 0; i < size; i++) entities.add(entity("e-" + number + "-" + i));
            return new SearchPage(entities, number < count ? "page-" + (number + 1) : null);
        };
    }

    private static Entity entity(String identifier) {
        return new Entity(identifier, "Entity " + identifier, null, List.of(), "service",
                Json.object().put("readme", "x".repeat(200)), Json.object(), Instant.EPOCH, "test", Instant.EPOCH, "test", null);
    }

    @Test
    void everyPageIsSentAsOneDocument() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        int port = serve(pages(50, 3, 0, reads));

        HttpResponse<String> response = search(port);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Json.parse(response.body());
        assertThat(body.path("entities").size()).isEqualTo(150);
        assertThat(body.path("matchingBlueprints").get(0).asText()).isEqualTo("service");
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void aFirstPageTheCatalogRefusesGetsItsErrorStatus() throws Exception {
        int port = serve(from -> {
            throw CatalogException.malformed("Unknown operator 'near'");
        });

        HttpResponse<String> response = search(port);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("message").asText()).contains("near");
    }

    @Test
    void aLaterPageThatFailsLeavesTheTransferVisiblyIncompleteAndIsLogged() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StreamedEntities.class);
        logger.addAppender(log);
        try {
            // 2,000 entities of ~300 bytes: far more than the response buffer, so the 200 and part of the body are out
            int port = serve(pages(2000, 3, 2, new AtomicInteger()));

            assertThatThrownBy(() -> search(port)).isInstanceOf(IOException.class);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("after 2000 entities were written").contains("aborted");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the database went away");
        });
    }

    @Test
    void aLaterPageThatFailsBeforeAnythingWasFlushedStillGivesNoDocument() {
        int port = serve(pages(1, 3, 2, new AtomicInteger()));

        assertThatThrownBy(() -> search(port)).isInstanceOf(IOException.class);
    }
}
