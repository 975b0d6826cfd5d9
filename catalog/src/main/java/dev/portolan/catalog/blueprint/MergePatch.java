package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7386): objects merge key by key, null removes, anything else replaces. */
final class MergePatch {

    private MergePatch() {}

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject)) return patch;
        ObjectNode result = target instanceof ObjectNode t ? t.deepCopy() : patchObject.objectNode();
        patchObject.properties().forEach(e -> {
            if (e.getValue().isNull()) result.remove(e.getKey());
            else result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
        });
        return result;
    }
}
