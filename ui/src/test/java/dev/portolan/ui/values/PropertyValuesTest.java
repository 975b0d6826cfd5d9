package dev.portolan.ui.values;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyValuesTest {

    private static PropertyDefinition string(String format) {
        ObjectNode json = Json.object().put("type", "string");
        if (format != null) json.put("format", format);
        return PropertyDefinition.of(json);
    }

    @Test
    void onlyHttpAndHttpsUrlsBecomeLinks() {
        assertThat(PropertyValues.property(Json.MAPPER.getNodeFactory().textNode("https://example.com/x"), string("url")).kind())
                .isEqualTo(ShownValue.Kind.LINK);
        for (String attack : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.example/x", "http:/no-host"}) {
            ShownValue shown = PropertyValues.property(Json.MAPPER.getNodeFactory().textNode(attack), string("url"));
            assertThat(shown.kind()).as(attack).isEqualTo(ShownValue.Kind.TEXT);
            assertThat(shown.href()).isNull();
        }
    }

    @Test
    void markdownIsRenderedWithItsHtmlEscapedAndUnsafeLinksDropped() {
        String html = Markdown.toHtml("**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>");
        assertThat(html).contains("<strong>bold</strong>").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;script&gt;").doesNotContain("<img").doesNotContain("<script").doesNotContain("href=\"javascript");
    }

    @Test
    void valuesShowByTheirShape() {
        assertThat(PropertyValues.property(Json.MAPPER.getNodeFactory().booleanNode(true), null).kind()).isEqualTo(ShownValue.Kind.BOOLEAN);
        assertThat(PropertyValues.property(Json.parse("[\"a\", \"b\"]"), null).items()).containsExactly("a", "b");
        assertThat(PropertyValues.property(Json.parse("{\"a\": 1}"), null).kind()).isEqualTo(ShownValue.Kind.JSON);
        assertThat(PropertyValues.property(Json.MAPPER.getNodeFactory().textNode("2026-01-01T00:00:00Z"), string("date-time")).kind())
                .isEqualTo(ShownValue.Kind.DATE);
        assertThat(PropertyValues.property(null, null).isEmpty()).isTrue();
    }
}
