package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one page of a search: compiles the query, adds the blueprint and cursor conditions, and reads
 * {@code limit + 1} rows in (blueprint, identifier) order to know whether a next page exists.
 */
final class EntitySearch {

    private final Connection connection;
    private final Dialect dialect;
    private final BlueprintRows blueprints;
    private final Clock clock;

    EntitySearch(Connection connection, Dialect dialect, BlueprintRows blueprints, Clock clock) {
        this.connection = connection;
        this.dialect = dialect;
        this.blueprints = blueprints;
        this.clock = clock;
    }

    SearchPage run(SearchRequest request) {
        if (request.sort() != null && !request.sort().equals(SearchSort.BY_IDENTIFIER)) {
            return sorted(request);
        }
        SqlFragment statement = statement(request);
        if (statement == null) {
            return new SearchPage(List.of(), null);
        }
        List<Entity> rows = Sql.query(connection, statement.sql(), statement.parameters(), EntityColumns::map);
        if (rows.size() <= request.limit()) {
            return new SearchPage(rows, null);
        }
        List<Entity> page = new ArrayList<>(rows.subList(0, request.limit()));
        return new SearchPage(page, SearchCursor.encode(page.getLast().key()));
    }

    /** A page in another order than by identifier: only within one blueprint, whose schema names the sortable properties. */
    private SearchPage sorted(SearchRequest request) {
        checkLimit(request);
        if (request.blueprint() == null) {
            throw new IllegalArgumentException("sorting needs one blueprint: search with a blueprint to sort by '"
                    + request.sort().property() + "'");
        }
        List<Blueprint> searched = searchedBlueprints(request.blueprint());
        if (searched.isEmpty()) {
            return new SearchPage(List.of(), null);
        }
        SearchScope scope = new SearchScope(searched, blueprints::list);
        Query query = request.query() == null ? Query.matchAll() : request.query();
        SqlFragment where = new SearchCompiler(dialect.predicates(), scope, clock).compile(query);
        return new SortedSearch(connection, dialect).run(searched.getFirst(), where, request.sort(), request.limit(), request.from());
    }

    private static void checkLimit(SearchRequest request) {
        if (request.limit() < 1 || request.limit() > SearchRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("search limit must be between 1 and " + SearchRequest.MAX_LIMIT
                    + ", not " + request.limit());
        }
    }

    /** The SELECT of one page (limit + 1 rows), or null when nothing can match (no such blueprint). */
    SqlFragment statement(SearchRequest request) {
        checkLimit(request);
        EntityKey after = request.from() == null ? null : SearchCursor.decode(request.from());
        List<Blueprint> searched = searchedBlueprints(request.blueprint());
        if (searched.isEmpty()) {
            return null;
        }
        SearchScope scope = new SearchScope(searched, request.blueprint() == null ? () -> searched : blueprints::list);
        Query query = request.query() == null ? Query.matchAll() : request.query();
        SqlFragment where = new SearchCompiler(dialect.predicates(), scope, clock).compile(query);

        SqlFragment page = select(request, where, after, "", false);
        if (request.blueprint() == null) {
            return page;
        }
        if (!dialect.readInIdentifierOrder().isEmpty() && dialect.sortsRows(connection, page)
                && !FewMatches.in(connection, request.blueprint(), where)) {
            // The planner would read every match through the filter's index and sort them; many match, so
            // walking the blueprint in identifier order finds a page's worth soon.
            page = select(request, where, after, dialect.readInIdentifierOrder(), false);
        } else if (dialect.readInIdentifierOrder().isEmpty() && dialect.countsBeforeSorting(where)
                && FewMatches.in(connection, request.blueprint(), where)) {
            // Few match (PostgreSQL cannot estimate a text search's matches, see SortedSearch): read them, then sort.
            page = select(request, where, after, "", true);
        }
        return page;
    }

    /**
     * @param matchesFirst read every match, then sort them: {@code OFFSET 0} keeps the planner from walking
     *                     the primary key in order instead
     */
    private SqlFragment select(SearchRequest request, SqlFragment where, EntityKey after, String inOrder, boolean matchesFirst) {
        StringBuilder sql = new StringBuilder(matchesFirst ? "SELECT * FROM (SELECT " : "SELECT ").append(EntityColumns.SELECT)
                .append(" FROM entities e").append(inOrder).append(" WHERE ");
        if (request.blueprint() != null) {
            // A literal, not a parameter: the planner must see it to use the blueprint's partial property indexes.
            sql.append("e.blueprint = ").append(Identifiers.literal(request.blueprint())).append(" AND ");
        }
        sql.append(where.sql());
        List<Object> parameters = new ArrayList<>(where.parameters());
        if (after != null && after.blueprint().equals(request.blueprint())) {
            // Within one blueprint, the identifier alone: a property index (value, identifier) and the primary
            // key then seek to it. PostgreSQL takes the row comparison below as where an index scan starts and
            // tests the identifier inside it, so each look-up of a relatedTo's matches read on to the end.
            sql.append(" AND e.identifier > ?");
            parameters.add(after.identifier());
        } else if (after != null) {
            sql.append(" AND (e.blueprint, e.identifier) > (?, ?)");
            parameters.add(after.blueprint());
            parameters.add(after.identifier());
        }
        sql.append(matchesFirst ? " OFFSET 0) e" : "").append(" ORDER BY e.blueprint, e.identifier LIMIT ?");
        parameters.add(request.limit() + 1);
        return new SqlFragment(sql.toString(), parameters);
    }

    /** The blueprint searched, or all of them; none when the blueprint does not exist (or cannot). */
    private List<Blueprint> searchedBlueprints(String blueprint) {
        if (blueprint == null) {
            return blueprints.list();
        }
        if (!Identifiers.isValid(blueprint)) {
            return List.of();
        }
        Optional<Blueprint> found = blueprints.find(blueprint);
        return found.map(List::of).orElse(List.of());
    }
}
