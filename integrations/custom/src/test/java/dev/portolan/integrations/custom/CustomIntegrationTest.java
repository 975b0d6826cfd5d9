package dev.portolan.integrations.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import dev.portolan.catalog.json.Json;
import dev.portolan.integrations.custom.TestServer.Answer;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapper.EntityMapper;
import dev.portolan.sync.mapper.MappedEntity;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.CheckResult;
import dev.portolan.sync.spi.FetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomIntegrationTest {

    private final TestServer server = new TestServer();
    private final Kinds.RecordingSleeper sleeper = new Kinds.RecordingSleeper();
    private final CustomIntegration integration = Kinds.integration(sleeper);

    @AfterEach
    void stop() {
        server.close();
    }

    private Settings twoKinds() {
        return CustomSettings.DEFINITION.parse(Json.parse("""
                {"kinds": {"service": {"url": "%s", "itemsPath": ".items"},
                           "team": {"url": "%s", "headers": {"Authorization": "Bearer old"}}}}"""
                .formatted(server.url("/services"), server.url("/teams"))));
    }

    @Test
    void checkReadsTheFirstPageOfEveryKind() {
        server.on("/services", Answer.json("{\"items\": [{\"id\": 1}, {\"id\": 2}]}"));
        server.on("/teams", Answer.json("[{\"id\": \"t\"}]").withHeader("Link", "</teams?page=2>; rel=\"next\""));

        CheckResult result = integration.check(twoKinds());

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).contains("service (2 objects)", "team (1+ objects)");
        assertThat(server.requestedPaths()).containsExactly("/services", "/teams");
    }

    @Test
    void checkSaysWhichKindFailedAndWhatToDoWithoutRetrying() {
        server.on("/services", Answer.status(503, "down"));
        server.on("/teams", Answer.status(401, "token expired"));

        CheckResult result = integration.check(twoKinds());

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("2 of 2 kinds could not be read.")
                .contains("service: GET " + server.url("/services") + " answered 503", "team: GET", "401", "token expired",
                        "settings.kinds.team.headers")
                .doesNotContain("Bearer old");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aKindMissingFromTheSettingsFailsItsFetchForGood() {
        var fetcher = Kinds.fetcher(integration, twoKinds(), "repository");

        FetchException failure = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(null));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("'repository'", "service, team");
    }

    @Test
    void hasNoSelectorFields() {
        assertThat(integration.selectorFields("service")).isEmpty();
        assertThat(integration.type()).isEqualTo("custom");
    }

    @Test
    void defaultBlueprintIsAGenericCustomItem() {
        JsonNode blueprints = Json.parse(integration.defaults().blueprintsJson());

        assertThat(blueprints).hasSize(1);
        Blueprint item = BlueprintJson.read(blueprints.get(0));
        assertThat(item.identifier()).isEqualTo("customItem");
        assertThat(blueprints.get(0).at("/schema/properties/url/format").asText()).isEqualTo("url");
        assertThat(blueprints.get(0).at("/schema/properties/raw/type").asText()).isEqualTo("object");
    }

    @Test
    void defaultMappingMapsTheKindNamedItemToCustomItems() {
        Mapping mapping = new MappingParser(Set.of("item"), kind -> Set.of(), Set.of())
                .parse(MappingParser.readYaml(integration.defaults().mappingYaml()));
        EntityMapper mapper = new EntityMapper("resources[0]", mapping.resources().getFirst(), PortolanJqEngine.INSTANCE, Duration.ofSeconds(5));

        MappedEntity entity = mapper.map(Json.parse("{\"id\": 42, \"title\": \"Billing\", \"url\": \"https://x/42\"}")).entities().getFirst();

        assertThat(entity.blueprint()).isEqualTo("customItem");
        assertThat(entity.identifier()).isEqualTo("42");
        assertThat(entity.entity().path("title").asText()).isEqualTo("Billing");
        assertThat(entity.entity().at("/properties/url").asText()).isEqualTo("https://x/42");
        assertThat(entity.entity().at("/properties/raw/id").asInt()).isEqualTo(42);
    }
}
