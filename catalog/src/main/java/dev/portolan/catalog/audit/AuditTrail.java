package dev.portolan.catalog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds audit records. A diff keeps only what changed ({@code before}/{@code after} of the changed
 * fields), so the audit log stays a fraction of the catalog's size even under bulk writes.
 */
public final class AuditTrail {

    public static final String ENTITY = "entity";
    public static final String BLUEPRINT = "blueprint";

    private static final Set<String> META_FIELDS = Set.of("createdAt", "createdBy", "updatedAt", "updatedBy");
    /** Fields whose members are compared one by one. */
    private static final Set<String> NESTED = Set.of("properties", "relations", "schema");

    private AuditTrail() {}

    /**
     * @param before the resource's JSON before the change, or null for a create
     * @param after  the resource's JSON after the change, or null for a delete
     */
    public static AuditRecord success(String resourceType, String identifier, String blueprint, AuditAction action,
                                      Actor actor, Instant at, JsonNode before, JsonNode after) {
        List<String> changed;
        ObjectNode diff = Json.object();
        if (before == null && after != null && after.isObject()) {
            changed = new ArrayList<>();
            diff.set("before", Json.MAPPER.nullNode());
            diff.set("after", whole(after, changed));
        } else if (after == null && before != null && before.isObject()) {
            changed = new ArrayList<>();
            diff.set("before", whole(before, changed));
            diff.set("after", Json.MAPPER.nullNode());
        } else {
            changed = changedFields(before, after);
            diff.set("before", slice(before, changed));
            diff.set("after", slice(after, changed));
        }
        return new AuditRecord(null, at, resourceType, identifier, blueprint, action, "SUCCESS", actor.origin(),
                actor.datasource(), changed, diff, null, actor.resync());
    }

    /**
     * The slice of a created or deleted resource, and its changed fields: what {@link #changedFields}
     * and {@link #slice} give when one side is null (every field with a value, one level into
     * properties, relations and schema), in one pass and without comparing anything. Creates are
     * most of a first resync's records. An inner object whose members all have values goes into
     * the slice as it is (not copied).
     */
    private static ObjectNode whole(JsonNode node, List<String> changed) {
        ObjectNode slice = Json.object();
        if (node.has("identifier")) slice.set("identifier", node.get("identifier"));
        for (var field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (META_FIELDS.contains(key)) continue;
            if (NESTED.contains(key) && value.isObject()) {
                int withValues = 0;
                for (var inner : value.properties()) {
                    if (!inner.getValue().isNull()) {
                        changed.add(key + "." + inner.getKey());
                        withValues++;
                    }
                }
                if (withValues == value.size() && withValues > 0) {
                    slice.set(key, value);
                } else if (withValues > 0) {
                    ObjectNode some = slice.putObject(key);
                    value.properties().forEach(inner -> { if (!inner.getValue().isNull()) some.set(inner.getKey(), inner.getValue()); });
                }
            } else if (!value.isNull()) {
                changed.add(key);
                slice.set(key, value);
            }
        }
        return slice;
    }

    /** Fields (one level into properties and relations) whose values differ; meta fields are left out. */
    static List<String> changedFields(JsonNode before, JsonNode after) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        if (before != null) before.fieldNames().forEachRemaining(keys::add);
        if (after != null) after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (META_FIELDS.contains(key)) continue;
            JsonNode b = before == null ? null : before.get(key);
            JsonNode a = after == null ? null : after.get(key);
            if (NESTED.contains(key) && isObject(a, b)) {
                Set<String> inner = new LinkedHashSet<>();
                if (b != null) b.fieldNames().forEachRemaining(inner::add);
                if (a != null) a.fieldNames().forEachRemaining(inner::add);
                for (String name : inner) {
                    if (!same(b == null ? null : b.get(name), a == null ? null : a.get(name))) changed.add(key + "." + name);
                }
            } else if (!same(b, a)) {
                changed.add(key);
            }
        }
        return new ArrayList<>(changed);
    }

    private static boolean isObject(JsonNode a, JsonNode b) {
        return (a == null || a.isObject()) && (b == null || b.isObject());
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull();
        boolean bEmpty = b == null || b.isNull();
        if (aEmpty || bEmpty) return aEmpty == bEmpty;
        return Json.canonical(a).equals(Json.canonical(b));
    }

    static JsonNode slice(JsonNode node, List<String> fields) {
        if (node == null) return Json.MAPPER.nullNode();
        ObjectNode slice = Json.object();
        if (!node.path("identifier").isMissingNode()) slice.set("identifier", node.get("identifier"));
        for (String field : fields) {
            int dot = field.indexOf('.');
            if (dot < 0) {
                if (node.has(field)) slice.set(field, node.get(field));
            } else {
                String outer = field.substring(0, dot);
                String inner = field.substring(dot + 1);
                JsonNode value = node.path(outer).get(inner);
                if (value != null) {
                    JsonNode target = slice.get(outer);
                    ObjectNode container = target instanceof ObjectNode o ? o : slice.putObject(outer);
                    container.set(inner, value);
                }
            }
        }
        return slice;
    }
}
