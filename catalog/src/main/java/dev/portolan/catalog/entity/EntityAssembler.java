package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertySchema;

import java.time.Instant;
import java.util.List;

/**
 * Turns a draft into the entity to store: on its own (create, or replace with {@code merge=false})
 * or over the stored entity ({@code merge=true}: fields, properties and relations the draft does
 * not name keep their stored values). New entities get the blueprint's property defaults.
 */
public final class EntityAssembler {

    private EntityAssembler() {}

    /**
     * @param stored  the stored entity, or null when there is none (or when only the content matters)
     * @param merge   whether to keep what the draft does not name
     * @param writer  the actor's origin, recorded as created/updated by
     */
    public static Entity assemble(EntityDraft draft, String identifier, Blueprint blueprint, Entity stored,
                                  boolean merge, Instant now, String writer, String datasource) {
        return assemble(draft, identifier, blueprint, blueprint.properties(), stored, merge, now, writer, datasource);
    }

    /**
     * {@link #assemble(EntityDraft, String, Blueprint, Entity, boolean, Instant, String, String)} with the
     * blueprint's property schema already read: a batch reads it once, not once per entity.
     */
    static Entity assemble(EntityDraft draft, String identifier, Blueprint blueprint, PropertySchema schema, Entity stored,
                           boolean merge, Instant now, String writer, String datasource) {
        boolean overlay = merge && stored != null;
        ObjectNode properties = draft.properties().objectNode();
        ObjectNode relations = draft.relations().objectNode();
        if (overlay) {
            // Values of properties or relations since removed from the blueprint are not carried
            // forward: the entity could never be written again otherwise.
            stored.properties().properties().forEach(e -> {
                if (schema.definition(e.getKey()) != null) properties.set(e.getKey(), e.getValue());
            });
            stored.relations().properties().forEach(e -> {
                if (blueprint.relations().containsKey(e.getKey())) relations.set(e.getKey(), e.getValue());
            });
        }
        properties.setAll(draft.properties());
        relations.setAll(draft.relations());
        if (!overlay) {
            applyDefaults(properties, schema); // a create, or a replace: both start from nothing
        }
        return entity(draft, identifier, blueprint, properties, relations, overlay ? stored : null, stored, now, writer, datasource);
    }

    /**
     * What {@code assemble(draft, …, stored = null, merge = false, …)} would store, for its content
     * only (its content hash): it shares the draft's property and relation nodes instead of copying
     * them, unless a default must be added. A resync asks this of every entity it produces, and the
     * copy was a fifth of the cost of finding one not changed. Times and authors are left null.
     */
    static Entity replacementContent(EntityDraft draft, Blueprint blueprint, PropertySchema schema, String datasource) {
        for (String property : schema.defaults().keySet()) {
            if (!draft.properties().has(property)) {
                return assemble(draft, draft.identifier(), blueprint, schema, null, false, null, null, datasource);
            }
        }
        return entity(draft, draft.identifier(), blueprint, draft.properties(), draft.relations(), null, null, null, null, datasource);
    }

    /**
     * @param base   the stored entity whose title, icon and team the draft's absent ones keep (a merge), or null
     * @param stored the stored entity whose creation time and author are kept, or null for a new one
     */
    private static Entity entity(EntityDraft draft, String identifier, Blueprint blueprint, ObjectNode properties,
                                 ObjectNode relations, Entity base, Entity stored, Instant now, String writer, String datasource) {
        String title = text(draft.title(), base != null ? base.title() : null);
        String icon = text(draft.icon(), base != null ? base.icon() : null);
        List<String> team = draft.team() != null ? draft.team() : base != null ? base.team() : List.of();
        return new Entity(identifier, title == null ? identifier : title, icon, team, blueprint.identifier(),
                properties, relations,
                stored == null ? now : stored.createdAt(), stored == null ? writer : stored.createdBy(),
                now, writer, datasource);
    }

    private static void applyDefaults(ObjectNode properties, PropertySchema schema) {
        schema.defaults().forEach((name, value) -> {
            if (!properties.has(name)) properties.set(name, value.deepCopy());
        });
    }

    private static String text(JsonNode given, String fallback) {
        if (given == null) return fallback;
        return given.isNull() ? null : given.asText();
    }
}
