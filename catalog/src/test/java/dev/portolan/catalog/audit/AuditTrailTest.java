package dev.portolan.catalog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.portolan.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static final JsonNode BEFORE = json("""
            {"identifier": "checkout", "title": "Checkout", "icon": null, "blueprint": "service", "team": ["payments"],
             "properties": {"url": "https://a.example", "replicas": 2, "tags": ["x", "y"], "note": "kept"},
             "relations": {"domain": "shop", "dependsOn": ["cart"]},
             "createdAt": "2024-01-01T00:00:00Z", "createdBy": "alice",
             "updatedAt": "2024-01-01T00:00:00Z", "updatedBy": "alice"}
            """);

    private static JsonNode after(String changes) {
        JsonNode after = BEFORE.deepCopy();
        json(changes).properties().forEach(e -> {
            String[] path = e.getKey().split("\\.");
            if (path.length == 1) ((ObjectNode) after).set(path[0], e.getValue());
            else ((ObjectNode) after.get(path[0])).set(path[1], e.getValue());
        });
        return after;
    }

    @Test
    void findsNothingChangedInIdenticalContent() {
        assertThat(AuditTrail.changedFields(BEFORE, BEFORE.deepCopy())).isEmpty();
    }

    @Test
    void leavesMetaFieldsOut() {
        JsonNode after = after("""
                {"createdAt": "2030-01-01T00:00:00Z", "createdBy": "bob", "updatedAt": "2030-01-01T00:00:00Z", "updatedBy": "bob"}
                """);

        assertThat(AuditTrail.changedFields(BEFORE, after)).isEmpty();
    }

    @Test
    void namesChangedTopLevelFields() {
        JsonNode after = after("{\"title\": \"Checkout v2\", \"team\": [\"payments\", \"platform\"], \"icon\": \"Cart\"}");

        assertThat(AuditTrail.changedFields(BEFORE, after)).containsExactlyInAnyOrder("title", "team", "icon");
    }

    @Test
    void namesChangedPropertiesAndRelationsOneLevelIn() {
        JsonNode after = after("""
                {"properties.url": "https://b.example", "properties.tags": ["y", "x"], "relations.dependsOn": ["cart", "auth"]}
                """);

        assertThat(AuditTrail.changedFields(BEFORE, after))
                .containsExactlyInAnyOrder("properties.url", "properties.tags", "relations.dependsOn");
    }

    @Test
    void namesAddedAndRemovedProperties() {
        JsonNode after = after("{\"properties.language\": \"java\"}");
        ((ObjectNode) after.get("properties")).remove("note");

        assertThat(AuditTrail.changedFields(BEFORE, after)).containsExactlyInAnyOrder("properties.language", "properties.note");
    }

    @Test
    void treatsEqualNumbersAndKeyOrderAsNoChange() {
        JsonNode before = json("{\"properties\": {\"n\": 1, \"o\": {\"a\": 1, \"b\": 2}}}");
        JsonNode after = json("{\"properties\": {\"n\": 1.0, \"o\": {\"b\": 2, \"a\": 1.00}}}");

        assertThat(AuditTrail.changedFields(before, after)).isEmpty();
    }

    @Test
    void treatsNullAndAbsentAsTheSame() {
        JsonNode before = json("{\"identifier\": \"x\", \"icon\": null, \"properties\": {\"a\": null}}");
        JsonNode after = json("{\"identifier\": \"x\", \"properties\": {}}");

        assertThat(AuditTrail.changedFields(before, after)).isEmpty();
    }

    @Test
    void namesEveryFieldOfACreateOrADelete() {
        JsonNode created = json("{\"identifier\": \"x\", \"title\": \"X\", \"properties\": {\"a\": 1}, \"createdAt\": \"2024-01-01T00:00:00Z\"}");

        assertThat(AuditTrail.changedFields(null, created)).containsExactly("identifier", "title", "properties.a");
        assertThat(AuditTrail.changedFields(created, null)).containsExactly("identifier", "title", "properties.a");
    }

    @Test
    void looksOneLevelIntoABlueprintSchema() {
        JsonNode before = json("{\"identifier\": \"s\", \"schema\": {\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": []}}");
        JsonNode after = json("{\"identifier\": \"s\", \"schema\": {\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": [\"a\"]}}");

        assertThat(AuditTrail.changedFields(before, after)).containsExactly("schema.required");
    }

    @Test
    void recordsAnUpdateWithOnlyTheChangedSlicesInItsDiff() {
        JsonNode after = after("{\"title\": \"Checkout v2\", \"properties.url\": \"https://b.example\", \"relations.domain\": \"store\"}");

        AuditRecord record = AuditTrail.success(AuditTrail.ENTITY, "checkout", "service", AuditAction.UPDATE,
                Actor.credential("ci-bot"), NOW, BEFORE, after);

        assertThat(record.changedFields()).containsExactlyInAnyOrder("title", "properties.url", "relations.domain");
        assertThat(record.diff()).isEqualTo(json("""
                {"before": {"identifier": "checkout", "title": "Checkout",
                            "properties": {"url": "https://a.example"}, "relations": {"domain": "shop"}},
                 "after":  {"identifier": "checkout", "title": "Checkout v2",
                            "properties": {"url": "https://b.example"}, "relations": {"domain": "store"}}}
                """));
        assertThat(record.id()).isNull();
        assertThat(record.timestamp()).isEqualTo(NOW);
        assertThat(record.resourceType()).isEqualTo("entity");
        assertThat(record.identifier()).isEqualTo("checkout");
        assertThat(record.blueprint()).isEqualTo("service");
        assertThat(record.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(record.status()).isEqualTo("SUCCESS");
        assertThat(record.origin()).isEqualTo("ci-bot");
        assertThat(record.context()).isNull();
    }

    @Test
    void slicesARemovedPropertyOnlyIntoTheBefore() {
        JsonNode after = BEFORE.deepCopy();
        ((ObjectNode) after.get("properties")).remove("note");

        AuditRecord record = AuditTrail.success(AuditTrail.ENTITY, "checkout", "service", AuditAction.UPDATE,
                Actor.credential("ci-bot"), NOW, BEFORE, after);

        assertThat(record.diff().get("before")).isEqualTo(json("{\"identifier\": \"checkout\", \"properties\": {\"note\": \"kept\"}}"));
        assertThat(record.diff().get("after")).isEqualTo(json("{\"identifier\": \"checkout\"}"));
    }

    @Test
    void recordsACreateWithANullBeforeAndTheIntegrationAsOrigin() {
        JsonNode created = json("{\"identifier\": \"x\", \"title\": \"X\", \"properties\": {\"a\": 1}}");

        AuditRecord record = AuditTrail.success(AuditTrail.ENTITY, "x", "service", AuditAction.CREATE,
                Actor.integration("github"), NOW, null, created);

        assertThat(record.diff().get("before").isNull()).isTrue();
        assertThat(record.diff().get("after")).isEqualTo(created);
        assertThat(record.origin()).isEqualTo("integration:github");
        assertThat(record.context()).isEqualTo("github");
    }

    @Test
    void recordsADeleteWithANullAfter() {
        AuditRecord record = AuditTrail.success(AuditTrail.ENTITY, "checkout", "service", AuditAction.DELETE,
                Actor.system(), NOW, BEFORE, null);

        assertThat(record.diff().get("after").isNull()).isTrue();
        assertThat(record.diff().get("before").get("title").asText()).isEqualTo("Checkout");
        assertThat(record.diff().get("before").has("createdAt")).isFalse();
        assertThat(record.origin()).isEqualTo("portolan");
    }

    @Test
    void aCreateOrADeleteRecordsExactlyWhatComparingWithNothingWould() {
        java.util.List<JsonNode> resources = java.util.List.of(
                BEFORE,
                json("{\"title\": \"T\", \"identifier\": \"x\", \"properties\": {\"a\": null, \"b\": 2}, \"relations\": {}}"),
                json("{\"identifier\": null, \"properties\": {\"a\": null}, \"relations\": {\"r\": null}, \"team\": []}"),
                json("{\"identifier\": \"x\", \"properties\": [1, 2], \"relations\": null, \"calculationErrors\": {\"c\": \"boom\"}}"),
                json("{\"properties\": {\"a\": {\"nested\": null}}, \"updatedBy\": \"alice\"}"),
                json("{\"identifier\": \"s\", \"title\": \"S\", \"schema\": {\"properties\": {\"a\": {}}, \"required\": []}, \"relations\": {}}"));
        for (JsonNode resource : resources) {
            java.util.List<String> compared = AuditTrail.changedFields(null, resource);
            JsonNode sliced = AuditTrail.slice(resource, compared);

            AuditRecord created = AuditTrail.success(AuditTrail.ENTITY, "x", "service", AuditAction.CREATE, Actor.system(), NOW, null, resource);
            AuditRecord deleted = AuditTrail.success(AuditTrail.ENTITY, "x", "service", AuditAction.DELETE, Actor.system(), NOW, resource, null);

            assertThat(created.changedFields()).as(resource.toString()).containsExactlyElementsOf(compared);
            assertThat(deleted.changedFields()).as(resource.toString()).containsExactlyElementsOf(compared);
            // The same text, so the same member order as well as the same values.
            assertThat(created.diff().get("after").toString()).as(resource.toString()).isEqualTo(sliced.toString());
            assertThat(deleted.diff().get("before").toString()).as(resource.toString()).isEqualTo(sliced.toString());
            assertThat(created.diff().get("before").isNull()).isTrue();
            assertThat(deleted.diff().get("after").isNull()).isTrue();
        }
    }
}
