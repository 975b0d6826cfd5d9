package dev.portolan.ui.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlueprintFormTest {

    /** A stored blueprint as BlueprintJson.write gives it, with much the form does not show. */
    private static final String STORED = """
            {"identifier": "region", "title": "Region", "icon": "Cloud", "description": "Where things run",
             "schema": {"properties": {
                 "code": {"type": "string", "title": "Code", "description": "ISO code", "pattern": "^[a-z]+$"},
                 "size": {"type": "number", "title": "Size", "enum": [1, 2.50, 3], "default": 1},
                 "label": {"type": "string", "enum": ["a, b", "c"], "enumColors": {"c": "red"}},
                 "legacy": {"type": "string"}},
               "required": ["size", "code"], "additionalProperties": false},
             "mirrorProperties": {"ownerSlack": {"title": "Slack", "path": "owner.slack"}},
             "calculationProperties": {"tag": {"title": "Tag", "calculation": ".identifier", "type": "string"}},
             "aggregationProperties": {},
             "relations": {"owner": {"title": "Owner", "description": "Who runs it", "target": "team", "required": false, "many": false},
                           "old": {"target": "team", "required": false, "many": true}},
             "ownership": {"type": "Direct"},
             "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-02T00:00:00Z", "updatedBy": "admin"}
            """;

    private static ObjectNode stored() {
        return (ObjectNode) Json.parse(STORED);
    }

    @Test
    void aFormFilledFromTheStoredBlueprintAndSavedUntouchedChangesNothing() {
        BlueprintForm form = BlueprintForm.of(stored());

        assertThat(form.isEdit()).isTrue();
        assertThat(form.properties()).extracting(BlueprintForm.PropertyRow::name).containsExactly("code", "size", "label", "legacy", "", "");
        assertThat(form.properties().get(2).allowed()).isEqualTo("a, b, c");
        assertThat(form.properties().get(1).required()).isTrue();
        assertThat(form.relations()).extracting(BlueprintForm.RelationRow::name).containsExactly("owner", "old", "");

        assertThat(form.mergeInto(stored())).isEqualTo(stored());
    }

    @Test
    void whatTheFormShowsIsChangedAndWhatItDoesNotShowIsKept() {
        BlueprintForm filled = BlueprintForm.of(stored());
        List<BlueprintForm.PropertyRow> properties = new ArrayList<>(filled.properties());
        properties.set(0, new BlueprintForm.PropertyRow(0, "code", "Region code", "string", "", false, "", true, false));
        properties.set(1, new BlueprintForm.PropertyRow(1, "size", "Size", "number", "", true, "1, 2, 4", true, false));
        properties.set(3, new BlueprintForm.PropertyRow(3, "legacy", "", "string", "", false, "", true, true));
        properties.set(4, new BlueprintForm.PropertyRow(4, "zone", "Zone", "string", "url", true, "", false, false));
        List<BlueprintForm.RelationRow> relations = new ArrayList<>(filled.relations());
        relations.set(0, new BlueprintForm.RelationRow(0, "owner", "Run by", "team", true, false, true, false));
        relations.set(1, new BlueprintForm.RelationRow(1, "old", "", "team", false, true, true, true));
        relations.set(2, new BlueprintForm.RelationRow(2, "parent", "", "region", false, false, false, false));
        BlueprintForm form = new BlueprintForm("region", filled.version(), true, "Regions", "", "Where things run",
                properties, relations, Map.of());

        ObjectNode merged = form.mergeInto(stored());

        JsonNode schema = merged.path("schema");
        assertThat(merged.path("title").asText()).isEqualTo("Regions");
        assertThat(merged.has("icon")).as("an emptied icon is removed").isFalse();
        assertThat(schema.path("properties").properties()).extracting(Map.Entry::getKey).containsExactly("code", "size", "label", "zone");
        assertThat(schema.path("properties").path("code").toString())
                .isEqualTo("{\"type\":\"string\",\"title\":\"Region code\",\"description\":\"ISO code\",\"pattern\":\"^[a-z]+$\"}");
        assertThat(schema.path("properties").path("size").path("enum").toString()).isEqualTo("[1,2,4]");
        assertThat(schema.path("properties").path("size").path("default").asInt()).isEqualTo(1);
        assertThat(schema.path("properties").path("label")).isEqualTo(stored().path("schema").path("properties").path("label"));
        assertThat(schema.path("properties").path("zone").toString()).isEqualTo("{\"type\":\"string\",\"title\":\"Zone\",\"format\":\"url\"}");
        assertThat(schema.path("required").toString()).isEqualTo("[\"size\",\"zone\"]");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(merged.path("relations").toString()).isEqualTo("{\"owner\":{\"title\":\"Run by\",\"description\":\"Who runs it\","
                + "\"target\":\"team\",\"required\":true,\"many\":false},\"parent\":{\"target\":\"region\",\"required\":false,\"many\":false}}");
        for (String kept : List.of("mirrorProperties", "calculationProperties", "aggregationProperties", "ownership", "description")) {
            assertThat(merged.get(kept)).as(kept).isEqualTo(stored().get(kept));
        }
    }

    @Test
    void aStoredPropertyOrRelationWithoutARowInThePostIsKeptNotDropped() {
        BlueprintForm form = new BlueprintForm("region", "2026-01-02T00:00:00Z", true, "Region", "Cloud", "Where things run",
                List.of(), List.of(), Map.of());

        assertThat(form.mergeInto(stored())).isEqualTo(stored());
    }

    @Test
    void aFormFilledFromAnOlderVersionIsRefused() {
        BlueprintForm form = BlueprintForm.of(stored());
        ObjectNode changedSince = stored().put("updatedAt", "2026-01-03T00:00:00Z");

        assertThatThrownBy(() -> form.mergeInto(changedSince)).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.problem().httpStatus()).isEqualTo(409);
            assertThat(e.getMessage()).contains("changed by admin at 2026-01-03T00:00:00Z").contains("nothing was saved");
        });
    }

    @Test
    void aNewRowNamedAsAStoredPropertyOrAnotherRowIsRefusedAtItsIdentifier() {
        BlueprintForm filled = BlueprintForm.of(stored());
        List<BlueprintForm.PropertyRow> properties = new ArrayList<>(filled.properties());
        properties.set(4, new BlueprintForm.PropertyRow(4, "code", "", "string", "", false, "", false, false));
        List<BlueprintForm.RelationRow> relations = List.of(
                new BlueprintForm.RelationRow(0, "up", "", "region", false, false, false, false),
                new BlueprintForm.RelationRow(1, "up", "", "team", false, false, false, false));
        BlueprintForm form = new BlueprintForm("region", filled.version(), true, "Region", "", "", properties, relations, Map.of());

        assertThatThrownBy(() -> form.mergeInto(stored())).isInstanceOfSatisfying(CatalogException.class, e -> {
            BlueprintForm shown = form.withErrors(e.violations());
            assertThat(shown.error("p.4.name")).isEqualTo("'code' is already a property of this blueprint");
            assertThat(shown.error("r.1.name")).isEqualTo("'up' is the identifier of another row");
        });
    }

    @Test
    void theServicesViolationsAreShownAtTheirFieldsAndWhatTheFormDoesNotShowIsNamed() {
        BlueprintForm form = BlueprintForm.of(stored()).withErrors(List.of(
                new Violation("schema.properties.size.enum[0]", "is a string"),
                new Violation("schema.properties.size.enum[1]", "is a string"),
                new Violation("schema.properties.code.pattern", "does not apply to type number"),
                new Violation("relations.owner", "cannot be both"),
                new Violation("mirrorProperties.ownerSlack.path", "'owner' is not a relation"),
                new Violation("owner", "is defined twice")));

        assertThat(form.error("p.1.allowed")).isEqualTo("is a string");
        assertThat(form.error("p.0.name")).isEqualTo("pattern: does not apply to type number");
        assertThat(form.error("r.0.name")).isEqualTo("cannot be both; is defined twice");
        assertThat(form.general()).isEqualTo("mirrorProperties.ownerSlack.path: 'owner' is not a relation");
    }

    @Test
    void aNewBlueprintsJsonHasOnlyWhatWasFilledIn() {
        BlueprintForm form = new BlueprintForm("cluster", null, true, "Cluster", "", "",
                List.of(new BlueprintForm.PropertyRow(0, "tier", "", "number", "", true, "1, 2", false, false),
                        new BlueprintForm.PropertyRow(1, "", "", "string", "", false, "", false, false),
                        new BlueprintForm.PropertyRow(2, "up", "", "boolean", "", false, "true", false, false)),
                List.of(new BlueprintForm.RelationRow(0, "owner", "", "team", false, false, false, false)), Map.of());

        assertThat(form.toJson().toString()).isEqualTo("{\"identifier\":\"cluster\",\"title\":\"Cluster\",\"schema\":{\"properties\":"
                + "{\"tier\":{\"type\":\"number\",\"enum\":[1,2]},\"up\":{\"type\":\"boolean\",\"enum\":[true]}},\"required\":[\"tier\"]},"
                + "\"relations\":{\"owner\":{\"target\":\"team\",\"required\":false,\"many\":false}}}");
    }
}
