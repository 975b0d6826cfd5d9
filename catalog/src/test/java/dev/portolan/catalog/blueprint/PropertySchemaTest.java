package dev.portolan.catalog.blueprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.portolan.catalog.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class PropertySchemaTest {

    @Test
    void keepsDefinitionsInDeclarationOrderWithTheRequiredOnes() {
        PropertySchema schema = PropertySchema.of(object("""
                {"properties": {"z": {"type": "string"}, "a": {"type": "number"}, "m": {"type": "boolean"}}, "required": ["m", "z"]}
                """));

        assertThat(schema.definitions().keySet()).containsExactly("z", "a", "m");
        assertThat(schema.required()).containsExactly("m", "z");
        assertThat(schema.definition("a").type()).isEqualTo("number");
        assertThat(schema.definition("nope")).isNull();
    }

    @Test
    void readsAnEmptySchema() {
        PropertySchema schema = PropertySchema.of(object("{}"));

        assertThat(schema.definitions()).isEmpty();
        assertThat(schema.required()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is scalar: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "string"}                          | true
            {"type": "string", "format": "url"}         | true
            {"type": "string", "format": "date-time"}   | true
            {"type": "number"}                          | true
            {"type": "boolean"}                         | true
            {"type": "string", "format": "markdown"}    | false
            {"type": "string", "format": "yaml"}        | false
            {"type": "object"}                          | false
            {"type": "array"}                           | false
            """)
    void tellsWhichPropertiesSearchCanCompareByValue(String definition, boolean scalar) {
        assertThat(PropertyDefinition.of(object(definition)).isScalar()).isEqualTo(scalar);
    }
}
