package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** An entity looks the same whichever call shows it: a write's answer, a GET, a search. */
class EntityShapeApiTest {

    @ApiTest
    void theCreateAnswerHasTheMirrorAndCalculationPropertiesAGetShows(ApiServer server) {
        String team = Fixtures.blueprint(server, "team", "{schema: {properties: {slack: {type: 'string'}}}}");
        String service = Fixtures.blueprint(server, "svc", "{schema: {properties: {name: {type: 'string'}}},"
                + " relations: {owner: {target: '" + team + "', required: false, many: false}},"
                + " mirrorProperties: {ownerSlack: {path: 'owner.slack'}},"
                + " calculationProperties: {shout: {calculation: '.properties.name + \"!\"', type: 'string'}}}");
        Fixtures.entity(server, team, "{identifier: 'payments', properties: {slack: '#payments'}}");

        JsonNode created = Fixtures.entity(server, service,
                "{identifier: 'checkout', properties: {name: 'checkout'}, relations: {owner: 'payments'}}");
        JsonNode replaced = server.admin().put(Fixtures.entityPath(service, "checkout"),
                "{identifier: 'checkout', properties: {name: 'co'}, relations: {owner: 'payments'}}").expect(200).get("entity");

        assertThat(created.path("properties").path("ownerSlack").asText()).isEqualTo("#payments");
        assertThat(created.path("properties").path("shout").asText()).isEqualTo("checkout!");
        assertThat(replaced.path("properties").path("ownerSlack").asText()).isEqualTo("#payments");
        assertThat(replaced.path("properties")).isEqualTo(Fixtures.get(server, service, "checkout").path("properties"));
    }

    @ApiTest
    void aPropertyRemovedFromItsBlueprintIsNoLongerShownAndComesBackIfDefinedAgain(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "svc", "{schema: {properties: {keep: {type: 'string'}, drop: {type: 'string'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {keep: 'k', drop: 'd'}}");

        server.admin().patch("/v1/blueprints/" + blueprint, "{schema: {properties: {drop: null}}}").expect(200);

        assertThat(Fixtures.get(server, blueprint, "a").path("properties").has("drop")).isFalse();
        JsonNode found = server.admin().post("/v1/blueprints/" + blueprint + "/entities/search",
                "{combinator: 'and', rules: [{property: '$identifier', operator: '=', value: 'a'}]}").expect(200).get("entities");
        assertThat(found.get(0).path("properties").has("drop")).isFalse();
        assertThat(found.get(0).path("properties").path("keep").asText()).isEqualTo("k");

        server.admin().patch("/v1/blueprints/" + blueprint, "{schema: {properties: {drop: {type: 'string'}}}}").expect(200);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("drop").asText()).as("nothing stored was lost").isEqualTo("d");
    }
}
