package dev.portolan.sync.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.jq.JqEvaluationException;
import dev.portolan.sync.jq.JqExpression;
import dev.portolan.sync.mapping.EntityMapping;
import dev.portolan.sync.mapping.MappedValue;
import dev.portolan.sync.mapping.ResourceMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps raw objects of one resource to entities. Every jq expression of the resource is compiled
 * once, when the mapper is made (once per resync); {@link #map} then evaluates them per object.
 * A leaf that fails or yields null is reported in the entity's problems and left null; an entity
 * without an identifier or a blueprint is a failure. Thread-safe.
 */
public final class EntityMapper {

    private final String path;
    private final ResourceMapping resource;
    private final Duration timeout;
    private final JqExpression selector;
    private final JqExpression itemsToParse;
    private final List<CompiledEntityMapping> entities = new ArrayList<>();

    /**
     * @param path    the resource's path in the mapping ({@code resources[2]}), for problem reports
     * @param timeout the limit for one evaluation of one expression
     */
    public EntityMapper(String path, ResourceMapping resource, JqEngine jq, Duration timeout) {
        this.path = path;
        this.resource = resource;
        this.timeout = timeout;
        this.selector = jq.compile(resource.selectorQuery());
        this.itemsToParse = resource.itemsToParse() == null ? null : jq.compile(resource.itemsToParse());
        List<EntityMapping> mappings = resource.entities();
        for (int i = 0; i < mappings.size(); i++) {
            String mappingPath = path + ".port.entity.mappings" + (mappings.size() > 1 ? "[" + i + "]" : "");
            entities.add(new CompiledEntityMapping(mappingPath, mappings.get(i), jq));
        }
    }

    public MappingResult map(JsonNode object) {
        List<MappingProblem> failures = new ArrayList<>();
        Boolean keep = select(object, failures);
        if (keep == null) return new MappingResult(false, List.of(), failures);
        if (!keep) return MappingResult.filtered();
        List<JsonNode> inputs = inputs(object, failures);
        List<MappedEntity> produced = new ArrayList<>();
        for (JsonNode input : inputs) {
            for (CompiledEntityMapping mapping : entities) {
                MappedEntity entity = mapping.apply(input, failures);
                if (entity != null) produced.add(entity);
            }
        }
        return new MappingResult(false, produced, failures);
    }

    private Boolean select(JsonNode object, List<MappingProblem> failures) {
        String where = path + ".selector.query";
        try {
            JsonNode result = selector.first(object, timeout);
            if (result != null && result.isBoolean()) return result.asBoolean();
            failures.add(new MappingProblem(where, selector.text(), "must yield true or false, got " + describe(result)));
        } catch (JqEvaluationException e) {
            failures.add(new MappingProblem(where, selector.text(), e.getMessage()));
        }
        return null;
    }

    private List<JsonNode> inputs(JsonNode object, List<MappingProblem> failures) {
        if (itemsToParse == null) return List.of(object);
        String where = path + ".port.itemsToParse";
        try {
            JsonNode items = itemsToParse.first(object, timeout);
            if (items == null || items.isNull()) return List.of();
            if (!items.isArray()) {
                failures.add(new MappingProblem(where, itemsToParse.text(), "must yield an array, got " + describe(items)));
                return List.of();
            }
            List<JsonNode> inputs = new ArrayList<>(items.size());
            for (JsonNode item : items) inputs.add(itemInput(object, item));
            return inputs;
        } catch (JqEvaluationException e) {
            failures.add(new MappingProblem(where, itemsToParse.text(), e.getMessage()));
            return List.of();
        }
    }

    /**
     * Each item is seen as {@code .<itemsToParseName>} of a copy of the object (Port's behaviour),
     * so mappings can use both; with {@code itemsToParseTopLevelTransform} the item alone is the root.
     */
    private JsonNode itemInput(JsonNode object, JsonNode item) {
        if (resource.itemsToParseTopLevelTransform()) return item;
        ObjectNode input = object.isObject() ? ((ObjectNode) object).deepCopy() : JsonNodeFactory.instance.objectNode();
        input.set(resource.itemsToParseName(), item);
        return input;
    }

    static String describe(JsonNode value) {
        if (value == null) return "no output";
        String text = value.toString();
        return (value.isNull() ? "null" : text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }

    /** One entity mapping, compiled. */
    private final class CompiledEntityMapping {
        private final String path;
        private final Leaf identifier;
        private final Leaf blueprint;
        private final Leaf title;
        private final Leaf team;
        private final Leaf icon;
        private final Map<String, Leaf> properties = new LinkedHashMap<>();
        private final Map<String, Leaf> relations = new LinkedHashMap<>();

        CompiledEntityMapping(String path, EntityMapping mapping, JqEngine jq) {
            this.path = path;
            this.identifier = Leaf.of(path + ".identifier", mapping.identifier(), jq);
            this.blueprint = Leaf.of(path + ".blueprint", new MappedValue.Jq(mapping.blueprint()), jq);
            this.title = mapping.title() == null ? null : Leaf.of(path + ".title", new MappedValue.Jq(mapping.title()), jq);
            this.team = mapping.team() == null ? null : Leaf.of(path + ".team", new MappedValue.Jq(mapping.team()), jq);
            this.icon = mapping.icon() == null ? null : Leaf.of(path + ".icon", new MappedValue.Jq(mapping.icon()), jq);
            mapping.properties().forEach((name, expression) ->
                    properties.put(name, Leaf.of(path + ".properties." + name, new MappedValue.Jq(expression), jq)));
            mapping.relations().forEach((name, value) -> relations.put(name, Leaf.of(path + ".relations." + name, value, jq)));
        }

        MappedEntity apply(JsonNode input, List<MappingProblem> failures) {
            List<MappingProblem> problems = new ArrayList<>();
            JsonNode id = identifier.evaluate(input, timeout, problems);
            JsonNode bp = blueprint.evaluate(input, timeout, problems);
            boolean identifierOk = id != null && (id.isTextual() && !id.asText().isEmpty() || id.isObject());
            if (!identifierOk || bp == null || !bp.isTextual()) {
                String what = !identifierOk ? "identifier" : "blueprint";
                Leaf leaf = !identifierOk ? identifier : blueprint;
                JsonNode value = !identifierOk ? id : bp;
                // One failure per entity not produced (it is what the map stage counts), with the leaf's own problem as its cause.
                MappingProblem cause = problems.stream().filter(p -> p.path().startsWith(path + "." + what)).findFirst().orElse(null);
                failures.add(new MappingProblem(path + "." + what, leaf.text(), "no entity: the " + what
                        + " must be a non-empty string, " + (cause == null ? "got " + describe(value)
                        : cause.message().startsWith("gave ") ? "but it " + cause.message() : "but it failed: " + cause.message())));
                return null;
            }
            ObjectNode entity = JsonNodeFactory.instance.objectNode();
            entity.set("identifier", id);
            if (title != null) putText(entity, "title", title.evaluate(input, timeout, problems));
            if (icon != null) putText(entity, "icon", icon.evaluate(input, timeout, problems));
            if (team != null) {
                JsonNode value = team.evaluate(input, timeout, problems);
                if (value != null && (value.isTextual() || value.isArray())) entity.set("team", value);
            }
            ObjectNode props = entity.putObject("properties");
            properties.forEach((name, leaf) -> {
                JsonNode value = leaf.evaluate(input, timeout, problems);
                props.set(name, value == null ? NullNode.instance : value);
            });
            ObjectNode rels = entity.putObject("relations");
            relations.forEach((name, leaf) -> {
                JsonNode value = leaf.evaluate(input, timeout, problems);
                rels.set(name, value == null ? NullNode.instance : value);
            });
            return new MappedEntity(bp.asText(), entity, problems);
        }

        private static void putText(ObjectNode entity, String field, JsonNode value) {
            if (value != null && !value.isNull()) entity.put(field, value.isTextual() ? value.asText() : value.toString());
        }
    }

    /** A mapped leaf: one jq expression, or a search query whose rule values are jq. */
    private interface Leaf {
        /** The value, or null (with a problem added) when it failed or gave null. */
        JsonNode evaluate(JsonNode input, Duration timeout, List<MappingProblem> problems);

        String text();

        static Leaf of(String path, MappedValue value, JqEngine jq) {
            return switch (value) {
                case MappedValue.Jq j -> new JqLeaf(path, jq.compile(j.expression()));
                case MappedValue.Search s -> new SearchLeaf(path, s, jq);
            };
        }
    }

    private record JqLeaf(String path, JqExpression expression) implements Leaf {
        @Override
        public JsonNode evaluate(JsonNode input, Duration timeout, List<MappingProblem> problems) {
            try {
                JsonNode value = expression.first(input, timeout);
                if (value == null || value.isNull()) {
                    problems.add(new MappingProblem(path, expression.text(), "gave " + describe(value)));
                    return null;
                }
                return value;
            } catch (JqEvaluationException e) {
                problems.add(new MappingProblem(path, expression.text(), e.getMessage()));
                return null;
            }
        }

        @Override
        public String text() {
            return expression.text();
        }
    }

    /** Evaluates each rule's value; the result is the search query with concrete values. */
    private static final class SearchLeaf implements Leaf {
        private final String path;
        private final MappedValue.Search search;
        private final List<JqExpression> values = new ArrayList<>();

        SearchLeaf(String path, MappedValue.Search search, JqEngine jq) {
            this.path = path;
            this.search = search;
            search.rules().forEach(rule -> values.add(jq.compile(rule.value())));
        }

        @Override
        public JsonNode evaluate(JsonNode input, Duration timeout, List<MappingProblem> problems) {
            ObjectNode query = JsonNodeFactory.instance.objectNode();
            query.put("combinator", search.combinator());
            ArrayNode rules = query.putArray("rules");
            for (int i = 0; i < values.size(); i++) {
                MappedValue.SearchRule rule = search.rules().get(i);
                JsonNode value = new JqLeaf(path + ".rules[" + i + "].value", values.get(i)).evaluate(input, timeout, problems);
                if (value == null) return null;
                rules.addObject().put("property", rule.property()).put("operator", rule.operator()).set("value", value);
            }
            return query;
        }

        @Override
        public String text() {
            return "search query";
        }
    }
}
