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

    private static final int MAX_PATH_LENGTH = 10_000;

    public static JsonNode getPath(JsonNode root, JsonNode path) {
        requireArray(path);
        requireShallow(path);
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
        requireShallow(path);
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
            if (Double.isNaN(key.doubleValue())) {
                throw new JqException("Cannot set array element at NaN index");
            }
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
        if (key.isObject() && node.isTextual()) {
            throw new JqException("Cannot update string slices");
        }
        if (key.isObject() || key.isTextual() || key.isNumber()) {
            throw Index.cannotIndex(node, key);
        }
        if (key.isArray() && node.isArray()) {
            throw new JqException("Cannot update field at array index of array");
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

    /**
     * {@code delpaths}, as jq 1.8: the paths are sorted, and at each level every key to delete is
     * removed at once, negative indices and slices counted from the original array (so
     * {@code del(.[1], .[-6], .[2], .[-3:9])} deletes what each path names), NaN indices ignored.
     */
    public static JsonNode deletePaths(JsonNode root, JsonNode paths) {
        if (!paths.isArray()) {
            throw new JqException("Paths must be specified as an array");
        }
        List<JsonNode> sorted = new ArrayList<>();
        for (JsonNode p : paths) {
            if (!p.isArray()) {
                throw new JqException("Path must be specified as an array");
            }
            requireShallow(p);
            sorted.add(p);
        }
        if (sorted.isEmpty()) {
            return root;
        }
        sorted.sort(Values.ORDER);
        if (sorted.get(0).isEmpty()) {
            return Json.NULL;
        }
        return deleteSorted(root, sorted, 0);
    }

    private static JsonNode deleteSorted(JsonNode node, List<JsonNode> paths, int at) {
        List<JsonNode> keys = new ArrayList<>();
        JsonNode result = node;
        for (int i = 0; i < paths.size(); ) {
            JsonNode key = paths.get(i).get(at);
            // The group of paths with this key (at least this one: a NaN key equals nothing, not even itself).
            boolean whole = paths.get(i).size() == at + 1;
            int j = i + 1;
            while (j < paths.size() && Values.equal(key, paths.get(j).get(at))) {
                whole |= paths.get(j).size() == at + 1;
                j++;
            }
            if (whole) {
                keys.add(key);
            } else {
                JsonNode child = Index.get(result, key);
                if (!child.isNull()) {
                    List<JsonNode> deeper = new ArrayList<>(paths.subList(i, j));
                    ArrayNode one = Json.array();
                    one.add(key);
                    result = setPath(result, one, deleteSorted(child, deeper, at + 1));
                }
            }
            i = j;
        }
        return deleteKeys(result, keys);
    }

    /** jq's jv_dels: removes several keys of one object or array at once. */
    private static JsonNode deleteKeys(JsonNode node, List<JsonNode> keys) {
        if (keys.isEmpty() || node.isNull()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = Json.copyOf((ObjectNode) node);
            for (JsonNode key : keys) {
                if (!key.isTextual()) {
                    throw new JqException("Cannot delete field at index of object");
                }
                copy.remove(key.textValue());
            }
            return copy;
        }
        if (!node.isArray()) {
            throw new JqException("Cannot delete field at " + (keys.get(0).isTextual() ? "object" : "index")
                    + " of " + Values.typeName(node));
        }
        int len = node.size();
        boolean[] gone = new boolean[len];
        for (JsonNode key : keys) {
            if (key.isNumber()) {
                double d = key.doubleValue();
                if (Double.isNaN(d)) {
                    continue;
                }
                int i = (int) Math.floor(Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE));
                if (i < 0) {
                    i += len;
                }
                if (i >= 0 && i < len) {
                    gone[i] = true;
                }
            } else if (key.isObject()) {
                int[] r = Index.range(len, key.get("start"), key.get("end"));
                for (int i = r[0]; i < r[1]; i++) {
                    gone[i] = true;
                }
            } else {
                throw new JqException("Cannot delete field at object index of array");
            }
        }
        ArrayNode copy = Json.array();
        for (int i = 0; i < len; i++) {
            if (!gone[i]) {
                copy.add(node.get(i));
            }
        }
        return copy;
    }

    /** jq 1.8 refuses paths longer than its depth limit (10,000) in getpath, setpath and delpaths. */
    private static void requireShallow(JsonNode path) {
        if (path.size() > MAX_PATH_LENGTH) {
            throw new JqException("Path too deep");
        }
    }
}
