package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchNode;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.Fixtures.relation;

/**
 * A small catalog to search: group ← domain ← service ← deployment (required relations), services
 * owned by teams and depending on each other (not required, with a cycle s1 ⇄ s2).
 */
final class SearchModel {

    /** s3's {@code since}: two days ago, for the date presets. */
    static final String RECENT = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();

    private SearchModel() {}

    static void load(CatalogStore store) {
        Map<String, dev.portolan.catalog.blueprint.Relation> serviceRelations = new LinkedHashMap<>();
        serviceRelations.put("domain", relation("domain", true, false));
        serviceRelations.put("owners", relation("team", false, true));
        serviceRelations.put("dependsOn", relation("service", false, true));
        Fixtures.insertBlueprints(store,
                blueprint("group"),
                blueprint("team"),
                blueprint("domain", "{'group': {'type': 'string'}}", Map.of("group", relation("group", true, false))),
                blueprint("service", """
                        {'name': {'type': 'string'}, 'tier': {'type': 'number'}, 'active': {'type': 'boolean'},
                         'since': {'type': 'string', 'format': 'date-time'}, 'tags': {'type': 'array'},
                         'meta': {'type': 'object'}, 'notes': {'type': 'string', 'format': 'markdown'}}""",
                        serviceRelations),
                blueprint("deployment", "{'cluster': {'type': 'string'}}", Map.of("service", relation("service", true, false))));
        Fixtures.insert(store,
                entity("group", "g1", "{}"), entity("group", "g2", "{}"),
                entity("team", "t1", "{}"), entity("team", "t2", "{}"),
                entity("domain", "d1", "{'group': 'not-the-relation'}", "{'group': 'g1'}"),
                entity("domain", "d2", "{}", "{'group': 'g2'}"));
        Entity s1 = new Entity("s1", "S1", "Go", List.of("platform"), "service",
                Fixtures.object("{'name': 'Payments API', 'tier': 1, 'active': true, 'since': '2024-01-10T00:00:00.000Z',"
                        + " 'tags': ['go', 'api'], 'meta': {'k': 'v'}, 'notes': '# API'}"),
                Fixtures.object("{'domain': 'd1', 'owners': ['t1'], 'dependsOn': ['s2']}"),
                Fixtures.T0, "alice", Fixtures.T0, "alice", "github");
        Entity s2 = new Entity("s2", "S2", null, List.of("data", "platform"), "service",
                Fixtures.object("{'name': 'payments-db', 'tier': 2, 'active': false, 'since': '2024-03-01T12:00:00.000Z',"
                        + " 'tags': ['sql'], 'meta': {}}"),
                Fixtures.object("{'domain': 'd1', 'owners': ['t1', 't2'], 'dependsOn': ['s1']}"),
                Fixtures.later(3600), "bob", Fixtures.later(7200), "carol", null);
        Entity s3 = new Entity("s3", "x' OR '1'='1", null, List.of(), "service",
                Fixtures.object("{'name': 'Web 100%_done', 'tier': 3.5, 'active': true, 'tags': []}")
                        .put("since", RECENT),
                Fixtures.object("{'domain': 'd2', 'owners': []}"),
                Fixtures.T0, "alice", Fixtures.T0, "alice", null);
        Entity s4 = entity("service", "s4", "{}", "{'domain': 'd2'}");
        Fixtures.insert(store, s1, s2, s3, s4,
                entity("deployment", "dep1", "{'cluster': 'eu'}", "{'service': 's1'}"),
                entity("deployment", "dep2", "{'cluster': 'us'}", "{'service': 's2'}"));
    }

    /** Identifiers of every match in the blueprint (null: all blueprints), reading all pages. */
    static List<String> ids(CatalogStore store, String blueprint, SearchNode rule) {
        Query query = rule instanceof Query q ? q : Q.and(rule);
        List<String> ids = new ArrayList<>();
        String from = null;
        do {
            SearchRequest request = new SearchRequest(blueprint, query, 100, from);
            SearchPage page = store.read(tx -> tx.search(request));
            page.entities().forEach(e -> ids.add(blueprint == null ? e.blueprint() + "/" + e.identifier() : e.identifier()));
            from = page.next();
        } while (from != null);
        return ids;
    }

    static List<String> services(CatalogStore store, SearchNode rule) {
        return ids(store, "service", rule);
    }
}
