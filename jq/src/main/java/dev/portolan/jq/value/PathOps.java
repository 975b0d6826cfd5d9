package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import java.util.ArrayList;
import java.util.List;

/** {@code getpath}, {@code setpath} and {@code delpaths}: copy-on-write updates along a path. */
public final class PathOps {
    private PathOps() {
    }

    public static JsonNode getPath(JsonNode root, JsonNode path) {
        requireArray(path);
        JsonNode v = root;
        for (JsonNode key : path) {
            if (v.isNull()) {
                return Json.NULL;
            }
            v = Index.get(v, key);
        }
        return v;
    }

    public static JsonNode setPath(JsonNode root, JsonNode path, JsonNode value) {
        requireArray(path);
        return set(root, path, 0, value);
    }

    private static void requireArray(JsonNode path) {
        if (!path.isArray()) {
            throw new JqException("Path must be specified as an array");
        }
    }

    private static JsonNode set(JsonNode node, JsonNode path, int at, JsonNode value) {
        if (at == path.size()) {
            return value;
        }
        JsonNode key = path.get(at);
        if (key.isTextual() && (node.isObject() || node.isNull())) {
            ObjectNode copy = node.isNull() ? Json.object() : Json.copyOf((ObjectNode) node);
            JsonNode old = copy.get(key.textValue());
            copy.set(key.textValue(), set(old == null ? Json.NULL : old, path, at + 1, value));
            return copy;
        }
        if (key.isNumber() && (node.isArray() || node.isNull())) {
            ArrayNode copy = node.isNull() ? Json.array() : Json.copyOf((ArrayNode) node);
            int i = Values.toIndex(key);
            if (i < 0) {
                i += copy.size();
                if (i < 0) {
                    throw new JqException("Out of bounds negative array index");
                }
            }
            if (i > 100_000_000) {
                throw new JqException("Array index too large");
            }
            while (copy.size() <= i) {
                copy.addNull();
            }
            copy.set(i, set(copy.get(i), path, at + 1, value));
            return copy;
        }
        if (key.isObject() && (node.isArray() || node.isNull())) {
            return setSlice(node, key, path, at, value);
        }
        if (key.isObject() || key.isTextual() || key.isNumber()) {
            throw Index.cannotIndex(node, key);
        }
        throw new JqException("Invalid path component");
    }

    private static JsonNode setSlice(JsonNode node, JsonNode key, JsonNode path, int at, JsonNode value) {
        ArrayNode array = node.isNull() ? Json.array() : (ArrayNode) node;
        int[] r = Index.range(array.size(), key.get("start"), key.get("end"));
        JsonNode current = Index.slice(array, key.get("start"), key.get("end"));
        JsonNode replacement = set(current, path, at + 1, value);
        if (!replacement.isArray()) {
            throw new JqException("A slice of an array can only be assigned another array");
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < r[0]; i++) {
            out.add(array.get(i));
        }
        out.addAll((ArrayNode) replacement);
        for (int i = r[1]; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }

    public static JsonNode deletePaths(JsonNode root, JsonNode paths) {
        if (!paths.isArray()) {
            throw new JqException("Paths must be specified as an array");
        }
        List<JsonNode> sorted = new ArrayList<>();
        paths.forEach(sorted::add);
        // Longest and last paths first, so earlier deletions never shift later ones.
        sorted.sort(Values.ORDER.reversed());
        JsonNode result = root;
        for (JsonNode p : sorted) {
            requireArray(p);
            result = delete(result, p, 0);
        }
        return result;
    }

    private static JsonNode delete(JsonNode node, JsonNode path, int at) {
        if (path.isEmpty()) {
            return Json.NULL;
        }
        if (node.isNull()) {
            return node;
        }
        JsonNode key = path.get(at);
        if (at == path.size() - 1) {
            return deleteKey(node, key);
        }
        JsonNode child = Index.get(node, key);
        if (child.isNull()) {
            return node;
        }
        JsonNode updated = delete(child, path, at + 1);
        ArrayNode one = Json.array();
        one.add(key);
        return setPath(node, one, updated);
    }

    private static JsonNode deleteKey(JsonNode node, JsonNode key) {
        if (node.isObject() && key.isTextual()) {
            ObjectNode copy = Json.copyOf((ObjectNode) node);
            copy.remove(key.textValue());
            return copy;
        }
        if (node.isArray() && key.isNumber()) {
            int i = Values.toIndex(key);
            if (i < 0) {
                i += node.size();
                if (i < 0) {
                    throw new JqException("Out of bounds negative array index");
                }
            }
            if (i >= node.size()) {
                return node;
            }
            ArrayNode copy = Json.copyOf((ArrayNode) node);
            copy.remove(i);
            return copy;
        }
        if (node.isArray() && key.isObject()) {
            int[] r = Index.range(node.size(), key.get("start"), key.get("end"));
            ArrayNode copy = Json.array();
            for (int i = 0; i < node.size(); i++) {
                if (i < r[0] || i >= r[1]) {
                    copy.add(node.get(i));
                }
            }
            return copy;
        }
        if (key.isTextual() || key.isNumber() || key.isObject()) {
            throw new JqException("Cannot delete field at " + (key.isTextual() ? "object" : "index")
                    + " of " + Values.typeName(node));
        }
        throw Index.cannotIndex(node, key);
    }
}
