package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityJson;

import java.util.List;

/**
 * Port's {@code include}/{@code exclude}: dotted paths into the entity JSON
 * ({@code identifier}, {@code properties.url}). {@code include} keeps only the named paths;
 * {@code exclude} then removes paths.
 */
public record EntityProjection(List<String> include, List<String> exclude) {

    public static final EntityProjection ALL = new EntityProjection(List.of(), List.of());

    public ObjectNode apply(Entity entity) {
        ObjectNode json = EntityJson.write(entity);
        if (!include.isEmpty()) {
            ObjectNode kept = json.objectNode();
            for (String path : include) copy(json, kept, path.split("\\."), 0);
            json = kept;
        }
        for (String path : exclude) remove(json, path.split("\\."), 0);
        return json;
    }

    private static void copy(JsonNode from, ObjectNode to, String[] path, int depth) {
        JsonNode value = from.get(path[depth]);
        if (value == null) return;
        if (depth == path.length - 1) {
            to.set(path[depth], value);
        } else if (value.isObject()) {
            JsonNode existing = to.get(path[depth]);
            ObjectNode child = existing instanceof ObjectNode o ? o : to.putObject(path[depth]);
            copy(value, child, path, depth + 1);
        }
    }

    private static void remove(JsonNode node, String[] path, int depth) {
        if (!(node instanceof ObjectNode object)) return;
        if (depth == path.length - 1) object.remove(path[depth]);
        else remove(object.get(path[depth]), path, depth + 1);
    }
}
