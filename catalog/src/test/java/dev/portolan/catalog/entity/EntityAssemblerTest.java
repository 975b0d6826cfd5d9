package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class EntityAssemblerTest {

    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private static final Blueprint SERVICE = BlueprintJson.read(json("""
            {"identifier": "service",
             "schema": {"properties": {
               "url": {"type": "string"},
               "replicas": {"type": "number", "default": 1},
               "tier": {"type": "string", "enum": ["gold", "silver"], "default": "silver"},
               "tags": {"type": "array", "default": ["new"]}}},
             "relations": {"domain": {"target": "domain"}, "dependsOn": {"target": "service", "many": true}}}
            """));

    /** What is stored: written by alice, with a property and a relation the blueprint has since dropped. */
    private static final Entity STORED = new Entity("checkout", "Checkout", "Cart", List.of("payments"), "service",
            object("{\"url\": \"https://old.example\", \"replicas\": 3, \"legacy\": \"gone\"}"),
            object("{\"domain\": \"shop\", \"dependsOn\": [\"cart\"], \"oldRelation\": \"x\"}"),
            CREATED, "alice", CREATED, "alice", "github");

    private static EntityDraft draft(String body) {
        return EntityJson.read(json(body), "service");
    }

    private static Entity assemble(String body, Entity stored, boolean merge) {
        return EntityAssembler.assemble(draft(body), "checkout", SERVICE, stored, merge, NOW, "bob", "github");
    }

    @Nested
    class AMergeOverAStoredEntity {

        @Test
        void keepsPropertiesAndRelationsTheDraftDoesNotName() {
            Entity merged = assemble("{\"properties\": {\"url\": \"https://new.example\"}}", STORED, true);

            assertThat(merged.properties()).isEqualTo(json("{\"url\": \"https://new.example\", \"replicas\": 3}"));
            assertThat(merged.relations()).isEqualTo(json("{\"domain\": \"shop\", \"dependsOn\": [\"cart\"]}"));
        }

        @Test
        void replacesRelationsTheDraftNames() {
            Entity merged = assemble("{\"relations\": {\"dependsOn\": [\"auth\"]}}", STORED, true);

            assertThat(merged.relations()).isEqualTo(json("{\"domain\": \"shop\", \"dependsOn\": [\"auth\"]}"));
        }

        @Test
        void dropsValuesOfPropertiesAndRelationsRemovedFromTheBlueprint() {
            Entity merged = assemble("{}", STORED, true);

            assertThat(merged.properties().has("legacy")).isFalse();
            assertThat(merged.relations().has("oldRelation")).isFalse();
        }

        @Test
        void clearsAValueTheDraftSetsToNull() {
            Entity merged = assemble("{\"properties\": {\"replicas\": null}, \"relations\": {\"domain\": null}}", STORED, true);

            assertThat(merged.properties().get("replicas").isNull()).isTrue();
            assertThat(merged.relations().get("domain").isNull()).isTrue();
        }

        @Test
        void keepsTitleIconAndTeamTheDraftDoesNotName() {
            Entity merged = assemble("{}", STORED, true);

            assertThat(merged.title()).isEqualTo("Checkout");
            assertThat(merged.icon()).isEqualTo("Cart");
            assertThat(merged.team()).containsExactly("payments");
        }

        @Test
        void takesTitleIconAndTeamTheDraftNames() {
            Entity merged = assemble("{\"title\": \"Checkout v2\", \"icon\": \"Box\", \"team\": []}", STORED, true);

            assertThat(merged.title()).isEqualTo("Checkout v2");
            assertThat(merged.icon()).isEqualTo("Box");
            assertThat(merged.team()).isEmpty();
        }

        @Test
        void fallsBackToTheIdentifierWhenTheDraftClearsTheTitle() {
            Entity merged = assemble("{\"title\": null, \"icon\": null}", STORED, true);

            assertThat(merged.title()).isEqualTo("checkout");
            assertThat(merged.icon()).isNull();
        }

        @Test
        void doesNotApplyDefaults() {
            Entity merged = assemble("{}", STORED, true);

            assertThat(merged.properties().has("tier")).isFalse();
            assertThat(merged.properties().has("tags")).isFalse();
            assertThat(merged.properties().get("replicas").asInt()).isEqualTo(3);
        }

        @Test
        void leavesTheStoredEntityUnchanged() {
            ObjectNode properties = STORED.properties().deepCopy();
            ObjectNode relations = STORED.relations().deepCopy();

            assemble("{\"properties\": {\"url\": null, \"tier\": \"gold\"}, \"relations\": {\"domain\": \"x\"}}", STORED, true);

            assertThat(STORED.properties()).isEqualTo(properties);
            assertThat(STORED.relations()).isEqualTo(relations);
        }
    }

    @Nested
    class AReplace {

        @Test
        void dropsWhatTheDraftDoesNotName() {
            Entity replaced = assemble("{\"properties\": {\"url\": \"https://new.example\"}}", STORED, false);

            assertThat(replaced.properties()).isEqualTo(json("""
                    {"url": "https://new.example", "replicas": 1, "tier": "silver", "tags": ["new"]}
                    """));
            assertThat(replaced.relations()).isEmpty();
            assertThat(replaced.title()).isEqualTo("checkout");
            assertThat(replaced.icon()).isNull();
            assertThat(replaced.team()).isEmpty();
        }

        @Test
        void appliesDefaultsOnlyToPropertiesTheDraftDoesNotName() {
            Entity replaced = assemble("{\"properties\": {\"replicas\": 5, \"tier\": \"gold\"}}", STORED, false);

            assertThat(replaced.properties()).isEqualTo(json("{\"replicas\": 5, \"tier\": \"gold\", \"tags\": [\"new\"]}"));
        }
    }

    @Nested
    class ACreate {

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void appliesDefaultsWhetherOrNotItMerges(boolean merge) {
            Entity created = assemble("{\"properties\": {\"url\": \"https://x.io\"}}", null, merge);

            assertThat(created.properties()).isEqualTo(json("""
                    {"url": "https://x.io", "replicas": 1, "tier": "silver", "tags": ["new"]}
                    """));
        }

        @Test
        void copiesDefaultsSoThatChangingTheEntityLeavesTheBlueprintAlone() {
            Entity created = assemble("{}", null, false);

            ((ArrayNode) created.properties().get("tags")).add("changed");

            assertThat(SERVICE.properties().definition("tags").json().get("default")).isEqualTo(json("[\"new\"]"));
        }

        @Test
        void takesTheIdentifierAsTitleWhenItHasNone() {
            assertThat(assemble("{}", null, false).title()).isEqualTo("checkout");
            assertThat(assemble("{\"title\": \"Checkout\"}", null, false).title()).isEqualTo("Checkout");
        }

        @Test
        void isCreatedAndUpdatedNowByTheWriter() {
            Entity created = assemble("{}", null, true);

            assertThat(created.identifier()).isEqualTo("checkout");
            assertThat(created.blueprint()).isEqualTo("service");
            assertThat(created.createdAt()).isEqualTo(NOW);
            assertThat(created.createdBy()).isEqualTo("bob");
            assertThat(created.updatedAt()).isEqualTo(NOW);
            assertThat(created.updatedBy()).isEqualTo("bob");
            assertThat(created.datasource()).isEqualTo("github");
            assertThat(created.team()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsWhenAndByWhomTheStoredEntityWasCreated(boolean merge) {
        Entity updated = assemble("{\"properties\": {\"url\": \"https://new.example\"}}", STORED, merge);

        assertThat(updated.createdAt()).isEqualTo(CREATED);
        assertThat(updated.createdBy()).isEqualTo("alice");
        assertThat(updated.updatedAt()).isEqualTo(NOW);
        assertThat(updated.updatedBy()).isEqualTo("bob");
    }

    @Test
    void recordsTheGivenDatasource() {
        Entity updated = EntityAssembler.assemble(draft("{}"), "checkout", SERVICE, STORED, true, NOW, "bob", null);

        assertThat(updated.datasource()).isNull();
    }

    @Nested
    class TheContentOfAReplacement {

        /** A resync compares this content's hash with the stored one: it must be what a replacement would store. */
        @ParameterizedTest
        @ValueSource(strings = {
                "{\"identifier\": \"checkout\", \"title\": \"Checkout\", \"team\": \"payments\","
                        + " \"properties\": {\"url\": \"u\", \"replicas\": 2, \"tier\": \"gold\", \"tags\": []},"
                        + " \"relations\": {\"domain\": \"shop\"}}",
                "{\"identifier\": \"checkout\", \"properties\": {\"url\": \"u\"}}",
                "{\"identifier\": \"checkout\", \"icon\": \"Cart\", \"properties\": {\"replicas\": 2, \"tier\": \"gold\"}}",
                "{\"identifier\": \"checkout\", \"title\": null}"})
        void hashesAsTheEntityAReplacementWouldStore(String body) {
            EntityDraft draft = draft(body);
            Entity replacement = EntityAssembler.assemble(draft, "checkout", SERVICE, null, false, NOW, "bob", "github");

            Entity content = EntityAssembler.replacementContent(draft, SERVICE, SERVICE.properties(), "github");

            assertThat(ContentHash.of(content)).isEqualTo(ContentHash.of(replacement));
            assertThat(content.properties()).isEqualTo(replacement.properties());
        }

        @Test
        void leavesTheDraftAsItWasWhenADefaultIsAdded() {
            EntityDraft draft = draft("{\"identifier\": \"checkout\", \"properties\": {\"url\": \"u\"}}");

            Entity content = EntityAssembler.replacementContent(draft, SERVICE, SERVICE.properties(), "github");

            assertThat(content.properties()).isEqualTo(json("{\"url\": \"u\", \"replicas\": 1, \"tier\": \"silver\", \"tags\": [\"new\"]}"));
            assertThat(draft.properties()).isEqualTo(json("{\"url\": \"u\"}"));
        }
    }
}
