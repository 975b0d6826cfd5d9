package dev.portolan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: blueprints, entities and writes, from compact JSON. */
final class Fixtures {

    /** The catalog's mapper, as the store reads JSON with it (decimals as BigDecimal). */
    static final ObjectMapper MAPPER = dev.portolan.catalog.json.Json.MAPPER;
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private Fixtures() {}

    static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode object(String json) {
        return (ObjectNode) json(json);
    }

    /** A blueprint whose schema properties are given as JSON (single quotes allowed). */
    static Blueprint blueprint(String identifier, String properties, Map<String, Relation> relations) {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.set("properties", object(properties));
        schema.putArray("required");
        return new Blueprint(identifier, identifier + " title", "Icon", "about " + identifier, schema,
                new LinkedHashMap<>(relations), new LinkedHashMap<>(), new LinkedHashMap<>(), MAPPER.createObjectNode(),
                MAPPER.createObjectNode(), T0, "creator", T0, "creator");
    }

    static Blueprint blueprint(String identifier) {
        return blueprint(identifier, "{}", Map.of());
    }

    static Relation relation(String target, boolean required, boolean many) {
        return new Relation(target + " relation", target, required, many, null);
    }

    static Entity entity(String blueprint, String identifier, String properties, String relations) {
        return new Entity(identifier, identifier.toUpperCase(java.util.Locale.ROOT), null, List.of(), blueprint,
                object(properties), object(relations), T0, "creator", T0, "creator", null);
    }

    static Entity entity(String blueprint, String identifier, String properties) {
        return entity(blueprint, identifier, properties, "{}");
    }

    static EntityWrite write(Entity entity) {
        return new EntityWrite(entity, "hash-" + entity.properties().hashCode() + "-" + entity.relations().hashCode());
    }

    static List<EntityWrite> writes(Entity... entities) {
        return java.util.Arrays.stream(entities).map(Fixtures::write).toList();
    }

    /** Two blueprints: {@code team}, and {@code service} whose {@code owner} is a team (optional, one): relation edges to test. */
    static Blueprint[] teamsAndServices() {
        return new Blueprint[] {blueprint("team", "{}", Map.of()),
                blueprint("service", "{}", Map.of("owner", relation("team", false, false)))};
    }

    static void insertBlueprints(CatalogStore store, Blueprint... blueprints) {
        store.write(tx -> {
            for (Blueprint blueprint : blueprints) {
                tx.insertBlueprint(blueprint);
            }
            return null;
        });
    }

    /** Inserts entities, deriving relation targets from the stored blueprints. */
    static void insert(CatalogStore store, Entity... entities) {
        store.write(tx -> {
            tx.insertEntities(writes(entities), RelationTargets.of(tx.listBlueprints()));
            return null;
        });
    }

    /** Brings a fresh test database up to an older schema version only, and says which dialect it has. */
    static Dialect migratedTo(dev.portolan.store.testing.TestDatabase database, String version) {
        Dialect dialect = database.dialect().equals("sqlite") ? new SqliteDialect() : new PostgresDialect();
        Migrations.migrateTo(database.jdbcUrl(), dialect, version);
        return dialect;
    }

    /** A blueprint's row written with plain SQL: for a database at an older schema version, which no store opens. */
    static void insertBlueprintRow(java.sql.Statement sql, Blueprint blueprint) throws java.sql.SQLException {
        sql.execute("INSERT INTO blueprints (identifier, definition) VALUES ('" + blueprint.identifier() + "', '"
                + BlueprintJson.write(blueprint).replace("'", "''") + "')");
    }

    static Instant later(long seconds) {
        return T0.plus(seconds, ChronoUnit.SECONDS);
    }
}
