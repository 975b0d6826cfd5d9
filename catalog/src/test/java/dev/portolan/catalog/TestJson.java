package dev.portolan.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small helpers shared by the catalog's unit tests. */
public final class TestJson {

    private TestJson() {}

    /** Parses JSON text with the catalog's own mapper (numbers as the catalog reads them). */
    public static JsonNode json(String text) {
        return Json.parse(text);
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) Json.parse(text);
    }

    /** Runs {@code call}, which must be refused with a {@link CatalogException}, and returns it. */
    public static CatalogException refusal(Runnable call) {
        CatalogException[] caught = new CatalogException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CatalogException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** The violations of a refused call. */
    public static List<Violation> violations(Runnable call) {
        return refusal(call).violations();
    }

    /** The violation at {@code path}; fails when there is none. */
    public static Violation at(List<Violation> violations, String path) {
        return violations.stream().filter(v -> v.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at '" + path + "' in " + violations));
    }
}
