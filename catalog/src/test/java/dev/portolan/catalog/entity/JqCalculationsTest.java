package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Calculation properties never fail a read: a failing one reads as null with the reason, within time and memory limits. */
class JqCalculationsTest {

    private final JqCalculations calculations = new JqCalculations();
    private final JsonNode entity = Json.parse("{\"identifier\": \"a\", \"properties\": {\"name\": \"billing\"}}");

    @Test
    void computesAValue() {
        CalculationResult result = calculations.calculate(".properties.name | ascii_upcase", entity, null);

        assertThat(result.value().asText()).isEqualTo("BILLING");
        assertThat(result.error()).isNull();
    }

    @Test
    void aCalculationThatBuildsWithoutBoundStopsAtTheAllocationLimitInsteadOfFillingTheHeap() {
        CalculationResult result = calculations.calculate("[limit(33; \"x\" | recurse(. + .))] | length", entity, null);

        assertThat(result.value()).isNull();
        assertThat(result.error()).contains("characters and elements");
    }

    @Test
    void aLoopStopsAtItsTimeLimit() {
        CalculationResult result = calculations.calculate("last(range(1e12))", entity, null);

        assertThat(result.value()).isNull();
        assertThat(result.error()).contains("ran longer than 500 ms");
    }

    @Test
    void aReadWhoseDeadlineHasPassedCalculatesNothingAndSaysWhy() {
        CalculationResult result = calculations.calculate("last(range(1e12))", entity, Instant.now().minusSeconds(1));

        assertThat(result.value()).isNull();
        assertThat(result.error()).contains("this read's calculation time ran out");
    }

    @Test
    void aJqErrorIsTheReason() {
        CalculationResult result = calculations.calculate(".properties.name | tonumber", entity, null);

        assertThat(result.value()).isNull();
        assertThat(result.error()).contains("billing");
    }
}
