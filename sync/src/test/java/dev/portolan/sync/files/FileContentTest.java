package dev.portolan.sync.files;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileContentTest {

    @Test
    void jsonIsParsedByItsExtension() throws Exception {
        assertThat(FileContent.parse("a/service.JSON", "{\"name\": \"orders\"}").path("name").asText()).isEqualTo("orders");
    }

    @Test
    void aYamlFileOfOneDocumentIsThatDocument() throws Exception {
        assertThat(FileContent.parse("port.yml", "name: orders\ntier: 1\n").path("tier").asInt()).isEqualTo(1);
    }

    @Test
    void aYamlFileOfSeveralDocumentsIsAnArrayOfThem() throws Exception {
        JsonNode content = FileContent.parse("port.yaml", "name: a\n---\nname: b\n");
        assertThat(content.isArray()).isTrue();
        assertThat(content).extracting(d -> d.path("name").asText()).containsExactly("a", "b");
    }

    @Test
    void anEmptyYamlFileIsNull() throws Exception {
        assertThat(FileContent.parse("empty.yml", "").isNull()).isTrue();
    }

    @Test
    void otherFilesAreText() throws Exception {
        JsonNode content = FileContent.parse("README.md", "# Hello\n");
        assertThat(content.isTextual()).isTrue();
        assertThat(content.asText()).isEqualTo("# Hello\n");
        assertThat(FileContent.isStructured("README.md")).isFalse();
        assertThat(FileContent.isStructured("x.yaml")).isTrue();
    }

    @Test
    void aFileThatDoesNotParseNamesItsPathAndLine() {
        assertThatThrownBy(() -> FileContent.parse("services/broken.json", "{\n\"name\": "))
                .isInstanceOf(FileContent.Unparsable.class)
                .hasMessageContaining("services/broken.json is not valid JSON at line 2");
        assertThatThrownBy(() -> FileContent.parse("bad.yml", "a: [1, 2\nb: c"))
                .isInstanceOf(FileContent.Unparsable.class)
                .hasMessageContaining("bad.yml is not valid YAML");
    }
}
