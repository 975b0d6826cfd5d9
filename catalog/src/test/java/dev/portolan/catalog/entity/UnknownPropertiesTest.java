package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portolan.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownPropertiesTest {

    private static final Blueprint PERSON = BlueprintJson.read(json("""
            {"identifier": "person", "schema": {"properties": {"email": {"type": "string"}, "age": {"type": "number"}}}}"""));

    @Test
    void propertiesTheBlueprintDoesNotDefineAreDroppedAndNamedInRequestOrder() {
        EntityDraft draft = draft(json("{\"name\": \"Ann\", \"email\": \"a@b.io\", \"department\": \"hr\", \"age\": null}"));

        UnknownProperties.Split split = UnknownProperties.split(draft, PERSON.properties());

        assertThat(split.dropped()).containsExactly("name", "department");
        assertThat(split.kept().properties()).isEqualTo(json("{\"email\": \"a@b.io\", \"age\": null}"));
        assertThat(draft.properties().has("name")).as("the request's draft is not changed").isTrue();
    }

    @Test
    void aDraftWithOnlyDefinedPropertiesIsKeptAsItIs() {
        EntityDraft draft = draft(json("{\"email\": \"a@b.io\"}"));

        UnknownProperties.Split split = UnknownProperties.split(draft, PERSON.properties());

        assertThat(split.kept()).isSameAs(draft);
        assertThat(split.dropped()).isEmpty();
    }

    private static EntityDraft draft(com.fasterxml.jackson.databind.JsonNode properties) {
        return new EntityDraft("p1", null, null, List.of(), (ObjectNode) properties, JsonNodeFactory.instance.objectNode());
    }
}
