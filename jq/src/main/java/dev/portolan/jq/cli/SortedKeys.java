package dev.portolan.jq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;

/** {@code -S}: a copy with every object's keys in jq's order. */
final class SortedKeys {
    private SortedKeys() {
    }

    static JsonNode apply(JsonNode v) {
        if (v.isObject()) {
            ObjectNode out = Json.object();
            for (String k : Values.sortedKeys(v)) {
                out.set(k, apply(v.get(k)));
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = Json.array();
            v.forEach(x -> out.add(apply(x)));
            return out;
        }
        return v;
    }
}
