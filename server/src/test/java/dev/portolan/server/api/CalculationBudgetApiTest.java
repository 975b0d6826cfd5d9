package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calculation properties share one time budget per read: a slow calculation stops at its own
 * limit on a few entities, the rest of the page is not calculated once the budget is spent, and
 * every entity says which calculation failed and why instead of the page stalling.
 */
class CalculationBudgetApiTest {

    private static final int ENTITIES = 40;

    @ApiTest
    void aSlowCalculationSpendsTheReadsBudgetOnceAndEveryEntitySaysWhy(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "slowcalc", """
                {schema: {properties: {name: {type: 'string'}}},
                 calculationProperties: {slow: {calculation: 'last(range(1e12))', type: 'number'},
                                         broken: {calculation: '.properties.name | tonumber', type: 'number'}}}""");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ENTITIES; i++) bodies.add("{identifier: 'e" + i + "', properties: {name: 'n" + i + "'}}");
        Fixtures.entities(server, blueprint, bodies.toArray(String[]::new));

        JsonNode listed = server.admin().get(entitiesPath(blueprint)).expect(200).get("entities");

        assertThat(listed).hasSize(ENTITIES);
        int timedOut = 0;
        int notCalculated = 0;
        for (JsonNode entity : listed) {
            assertThat(entity.path("properties").path("slow").isNull()).isTrue();
            String slow = entity.path("calculationErrors").path("slow").asText();
            if (slow.contains("ran longer than 500 ms")) timedOut++;
            else if (slow.contains("calculation time") && slow.contains("ran out")) notCalculated++;
        }
        // A 2-second budget holds at most a few 500 ms evaluations; the others are not run at all.
        assertThat(timedOut).isBetween(1, 5);
        assertThat(timedOut + notCalculated).isEqualTo(ENTITIES);

        JsonNode one = Fixtures.get(server, blueprint, "e7");
        assertThat(one.path("calculationErrors").path("slow").asText()).contains("ran longer than 500 ms");
        assertThat(one.path("calculationErrors").path("broken").asText()).contains("n7");
    }

    @ApiTest
    void entitiesWhoseCalculationsSucceedCarryNoErrors(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "finecalc", """
                {schema: {properties: {name: {type: 'string'}}},
                 calculationProperties: {shout: {calculation: '.properties.name | ascii_upcase', type: 'string'}}}""");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {name: 'billing'}}");

        JsonNode entity = Fixtures.get(server, blueprint, "a");

        assertThat(entity.path("properties").path("shout").asText()).isEqualTo("BILLING");
        assertThat(entity.has("calculationErrors")).isFalse();
    }
}
