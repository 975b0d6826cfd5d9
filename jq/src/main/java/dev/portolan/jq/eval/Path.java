package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.JsonText;

/**
 * A path being built during path-mode evaluation, as a persistent list so that appending a
 * component costs one allocation and never copies. {@link #ROOT} is the empty path.
 */
public final class Path {
    public static final Path ROOT = new Path(null, null, 0);
    /**
     * Marks a value that did not come from a path expression (e.g. the output of {@code map}).
     * It may flow on; jq only fails when it is indexed further or reaches the end of path().
     */
    public static final Path NOT_A_PATH = new Path(null, null, -1);

    private final Path parent;
    private final JsonNode key;
    private final int size;

    private Path(Path parent, JsonNode key, int size) {
        this.parent = parent;
        this.key = key;
        this.size = size;
    }

    public Path append(JsonNode component) {
        return new Path(this, component, size + 1);
    }

    public boolean isPath() {
        return this != NOT_A_PATH;
    }

    /** Fails like jq when a non-path value is indexed or iterated in a path expression. */
    public Path requirePath(String attempt, JsonNode value) {
        if (this == NOT_A_PATH) {
            throw new JqException("Invalid path expression near attempt to " + attempt + " " + JsonText.truncated(value));
        }
        return this;
    }

    /** The path as an array, or jq's error when the value did not come from a path expression. */
    public ArrayNode toArrayOrFail(JsonNode value) {
        if (this == NOT_A_PATH) {
            throw new JqException("Invalid path expression with result " + JsonText.truncated(value));
        }
        return toArray();
    }

    /** Appends every element of an array of components. */
    public Path appendAll(JsonNode components) {
        Path result = this;
        for (JsonNode component : components) {
            result = result.append(component);
        }
        return result;
    }

    public int size() {
        return size;
    }

    public ArrayNode toArray() {
        JsonNode[] parts = new JsonNode[size];
        Path p = this;
        for (int i = size - 1; i >= 0; i--) {
            parts[i] = p.key;
            p = p.parent;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(size);
        for (JsonNode part : parts) {
            array.add(part);
        }
        return array;
    }
}
