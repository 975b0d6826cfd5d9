package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a kind reads, beyond the repository: the resource's selector (its {@code files},
 * {@code folders}, {@code includedFiles}) and the installation's commit depth.
 */
record ReadRequest(ObjectNode selector, int commitDepth) {

    /** A selector field given as one string or a list of strings. */
    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        JsonNode value = selector == null ? null : selector.get(field);
        if (value == null || value.isNull()) return values;
        if (value.isArray()) value.forEach(v -> values.add(v.asText()));
        else values.add(value.asText());
        return values;
    }

    /** What decides the objects read (not {@code query}, which only filters them): the cache key. */
    String cacheKey(String kind) {
        ObjectNode copy = selector == null ? dev.portolan.catalog.json.Json.object() : selector.deepCopy();
        copy.remove("query");
        return kind + "|" + copy + "|" + (kind.equals("commit") ? commitDepth : "");
    }
}
