package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.MetaProperty;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchSort;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of a search within one blueprint, ordered by a sort key and then identifier, paged by
 * keyset like every search. Rows with a value come first (in the asked direction), then the rows
 * without one, by identifier: two phases, each one ordered range read on an index (the blueprint's
 * property index, or the blueprint's (column, identifier) index of a meta column, {@link MetaColumns}),
 * so a page costs the same on page 1 and page 20,000.
 *
 * <p>Cursor: base64url of {@code ["sort", "+"|"-" key, phase (1 with value, 2 without), identifier, value]}.
 */
final class SortedSearch {

    private final Connection connection;
    private final Dialect dialect;

    SortedSearch(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * A sort key: a column or property expression, how its values travel in cursors, and what to add
     * after {@code FROM entities e} to read the property's index in order (empty for columns).
     */
    private record Key(String expression, boolean property, String name, String inOrder, boolean matchesFirst) {

        Key(String expression, boolean property, String name, String inOrder) {
            this(expression, property, name, inOrder, false);
        }

        /** Read every match first, then sort them (few match). */
        Key readingMatchesFirst() {
            return new Key(expression, property, name, "", true);
        }
    }

    SearchPage run(Blueprint blueprint, SqlFragment where, SearchSort sort, int limit, String from) {
        Key key = key(blueprint, sort.property());
        String cursorKey = (sort.descending() ? "-" : "+") + key.name();
        Cursor after = from == null ? null : Cursor.decode(from, cursorKey);
        if (key.inOrder().isEmpty() && dialect.countsBeforeSorting(where) && fewMatches(blueprint, where)) {
            // PostgreSQL cannot estimate how many rows a text search matches (a trigram index proposes, strpos
            // decides): guessing a thousand for a text found three times, it walked the whole sort index, 11 s.
            key = key.readingMatchesFirst();
        }
        Plans plans = new Plans(blueprint, where, key, sort.descending());
        List<Row> rows = new ArrayList<>();
        if (after != null && after.phase() == 1) {
            rows.addAll(read(blueprint, where, plans.of(after, Part.SAME_VALUE, limit + 1), sort.descending(), after, Part.SAME_VALUE, limit + 1));
        }
        if ((after == null || after.phase() == 1) && rows.size() <= limit) {
            int count = limit + 1 - rows.size();
            rows.addAll(read(blueprint, where, plans.of(after, Part.WITH_VALUE, count), sort.descending(), after, Part.WITH_VALUE, count));
        }
        if (rows.size() <= limit) {
            Cursor afterNull = after != null && after.phase() == 2 ? after : null;
            rows.addAll(read(blueprint, where, key, sort.descending(), afterNull, Part.WITHOUT_VALUE, limit + 1 - rows.size()));
        }
        List<Entity> entities = rows.stream().limit(limit).map(Row::entity).toList();
        if (rows.size() <= limit) {
            return new SearchPage(entities, null);
        }
        Row last = rows.get(limit - 1);
        return new SearchPage(entities, new Cursor(cursorKey, last.value() == null ? 2 : 1, last.entity().identifier(),
                last.value()).encode());
    }

    private record Row(Entity entity, JsonNode value) {}

    /**
     * Where the database leaves it to us ({@link Dialect#readInOrderOf}), chooses per read between walking
     * the sort key's index in order and the planner's own plan: the planner's when its plan reads in order
     * already (EXPLAIN, {@link Dialect#sortsRows}) or few rows match (counted once per page, when needed).
     */
    private final class Plans {

        private final Blueprint blueprint;
        private final SqlFragment where;
        private final Key key;
        private final boolean descending;
        private Boolean few;

        Plans(Blueprint blueprint, SqlFragment where, Key key, boolean descending) {
            this.blueprint = blueprint;
            this.where = where;
            this.key = key;
            this.descending = descending;
        }

        Key of(Cursor after, Part part, int count) {
            if (key.inOrder().isEmpty()) return key;
            Key planners = new Key(key.expression(), key.property(), key.name(), "");
            if (!dialect.sortsRows(connection, statement(blueprint, where, planners, descending, after, part, count))) {
                return planners;
            }
            if (few == null) few = fewMatches(blueprint, where);
            // Few rows match: reading them through the filter's index and sorting them is cheaper than walking
            // the sort index past all the rows that do not match.
            return few ? planners : key;
        }
    }

    /**
     * Which rows a read returns, after the cursor when there is one: those with a value beyond the cursor's
     * value; those with the cursor's value and an identifier beyond its identifier; those without a value.
     * The first two are apart because "(value, identifier) beyond the cursor" in one row comparison makes
     * SQLite read the index from its start (it seeks only on a plain bound of the value), so page n of a
     * sorted search read n pages' worth of rows.
     */
    private enum Part { WITH_VALUE, SAME_VALUE, WITHOUT_VALUE }

    private List<Row> read(Blueprint blueprint, SqlFragment where, Key key, boolean descending, Cursor after,
                           Part part, int count) {
        SqlFragment statement = statement(blueprint, where, key, descending, after, part, count);
        return Sql.query(connection, statement.sql(), statement.parameters(), row -> new Row(EntityColumns.map(row),
                key.property() ? dialect.readPropertyValue(row, "sort_key")
                        : textOrNull(row.getString("sort_key"))));
    }

    private SqlFragment statement(Blueprint blueprint, SqlFragment where, Key key, boolean descending, Cursor after,
                                  Part part, int count) {
        boolean withValue = part != Part.WITHOUT_VALUE;
        StringBuilder sql = new StringBuilder("SELECT ").append(EntityColumns.SELECT).append(", ")
                .append(key.expression()).append(" AS sort_key FROM entities e").append(withValue ? key.inOrder() : "")
                .append(" WHERE e.blueprint = ")
                .append(Identifiers.literal(blueprint.identifier())).append(" AND ").append(where.sql())
                .append(" AND ").append(key.expression()).append(withValue ? " IS NOT NULL" : " IS NULL");
        List<Object> parameters = new ArrayList<>(where.parameters());
        String comparison = descending ? " < " : " > ";
        if (after != null && withValue) {
            SqlFragment value = key.property() ? dialect.propertyValueParameter(after.value())
                    : SqlFragment.of("?", after.value().asText());
            sql.append(" AND ").append(key.expression()).append(part == Part.SAME_VALUE ? " = " : comparison).append(value.sql());
            parameters.addAll(value.parameters());
        }
        if (after != null && part != Part.WITH_VALUE) {
            sql.append(" AND e.identifier").append(comparison).append("?");
            parameters.add(after.identifier());
        }
        String direction = descending ? " DESC" : "";
        if (key.matchesFirst()) {
            // OFFSET 0 keeps the planner from reading the sort's index in order: the matches are found
            // through the filter's indexes, then sorted.
            sql.insert(0, "SELECT * FROM (").append(" OFFSET 0) e");
        }
        String sortKey = key.matchesFirst() ? "e.sort_key" : key.expression();
        sql.append(" ORDER BY ");
        // Rows of the cursor's own value are in identifier order: said so, SQLite sees that the sort key's
        // index (value, identifier) gives that order; with the constant value in ORDER BY it sorted them all.
        if (withValue && part != Part.SAME_VALUE) sql.append(sortKey).append(direction).append(", ");
        sql.append("e.identifier").append(direction).append(" LIMIT ?");
        parameters.add(count);
        return new SqlFragment(sql.toString(), parameters);
    }

    /** Counted whether or not rows have the sort key: the count may then read the filter's index alone. */
    private boolean fewMatches(Blueprint blueprint, SqlFragment where) {
        return FewMatches.in(connection, blueprint.identifier(), where);
    }

    private static JsonNode textOrNull(String text) {
        return text == null ? null : JsonNodeFactory.instance.textNode(text);
    }

    private Key key(Blueprint blueprint, String property) {
        PropertyIndexes indexes = new PropertyIndexes(connection, dialect);
        if (property.startsWith("$")) {
            if (property.equals(MetaProperty.IDENTIFIER.wire())) return new Key("e.identifier", false, property, "");
            String column = MetaColumns.column(property).orElseThrow(() -> new IllegalArgumentException("cannot sort by '"
                    + property + "'; sortable meta-properties: $identifier, $title, $createdAt, $updatedAt"));
            return new Key("e." + column, false, property, indexes.find(blueprint.identifier(), property)
                    .map(dialect::readInOrderOf).orElse(""));
        }
        var definition = blueprint.properties().definitions().get(property);
        if (definition == null || !definition.isScalar() || !Identifiers.isValid(property)) {
            throw new IllegalArgumentException("cannot sort by '" + property + "': blueprint '" + blueprint.identifier()
                    + "' has no scalar property of that name");
        }
        String inOrder = indexes.find(blueprint.identifier(), property).map(dialect::readInOrderOf).orElse("");
        return new Key(dialect.propertyValue(property), true, property, inOrder);
    }

    /** Where the previous page ended. */
    private record Cursor(String sort, int phase, String identifier, JsonNode value) {

        String encode() {
            ArrayNode json = Json.MAPPER.createArrayNode().add("sort").add(sort).add(phase).add(identifier);
            json.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, String sort) {
            try {
                JsonNode json = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                if (json != null && json.isArray() && json.size() == 5 && "sort".equals(json.get(0).asText())
                        && sort.equals(json.get(1).asText()) && json.get(3).isTextual()) {
                    int phase = json.get(2).asInt();
                    JsonNode value = json.get(4);
                    if (phase == 1 && value.isValueNode() && !value.isNull() && !RuleValues.unstorable(json)) {
                        return new Cursor(sort, 1, json.get(3).asText(), value);
                    }
                    if (phase == 2) return new Cursor(sort, 2, json.get(3).asText(), null);
                }
            } catch (IllegalArgumentException | java.io.IOException e) {
                // reported below, like any other cursor that is not ours
            }
            throw new IllegalArgumentException("invalid search cursor 'from': it is not a cursor returned as 'next' by a "
                    + "previous search with the same sort");
        }
    }
}
