package dev.portolan.store;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.blueprint.Blueprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code blueprints} table, and the property indexes that follow each blueprint's schema. */
final class BlueprintRows {

    private static final String COLUMNS = "identifier, definition, created_at, created_by, updated_at, updated_by";

    private final Connection connection;
    private final Dialect dialect;
    private final PropertyIndexes propertyIndexes;

    BlueprintRows(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.propertyIndexes = new PropertyIndexes(connection, dialect);
    }

    /**
     * Locks the blueprints whose entities are about to be inserted against deletion until the
     * transaction ends (PostgreSQL: {@code FOR KEY SHARE}; other writers of their entities go on),
     * and fails when one no longer exists. On PostgreSQL this replaces the entities' foreign key to
     * their blueprint (V17), whose check locked the blueprint's row once per entity row written:
     * here it is once per batch. A blueprint deleted meanwhile is seen here as missing: its delete
     * waits for this lock, and a delete that committed first leaves no row to lock.
     */
    void lockForEntities(Collection<String> identifiers) {
        List<String> wanted = identifiers.stream().distinct().sorted().toList();
        if (wanted.isEmpty()) return;
        Set<String> found = new HashSet<>(Sql.query(connection, "SELECT identifier FROM blueprints WHERE identifier IN ("
                + Sql.placeholders(wanted.size()) + ")" + dialect.lockForKeyShare(), wanted, row -> row.getString(1)));
        for (String identifier : wanted) {
            if (!found.contains(identifier)) throw CatalogException.notFound("Blueprint", identifier);
        }
    }

    Optional<Blueprint> find(String identifier) {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM blueprints WHERE identifier = ?",
                List.of(identifier), BlueprintRows::map);
    }

    List<Blueprint> list() {
        return Sql.query(connection, "SELECT " + COLUMNS + " FROM blueprints ORDER BY identifier", List.of(), BlueprintRows::map);
    }

    void insert(Blueprint blueprint) {
        Sql.update(connection, "INSERT INTO blueprints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", Arrays.asList(
                blueprint.identifier(), BlueprintJson.write(blueprint),
                Timestamps.format(blueprint.createdAt()), blueprint.createdBy(),
                Timestamps.format(blueprint.updatedAt()), blueprint.updatedBy()));
        propertyIndexes.follow(blueprint);
    }

    void update(Blueprint blueprint) {
        Sql.update(connection, "UPDATE blueprints SET definition = ?, created_at = COALESCE(?, created_at), "
                        + "created_by = COALESCE(?, created_by), updated_at = ?, updated_by = ? WHERE identifier = ?",
                Arrays.asList(BlueprintJson.write(blueprint), Timestamps.format(blueprint.createdAt()),
                        blueprint.createdBy(), Timestamps.format(blueprint.updatedAt()), blueprint.updatedBy(),
                        blueprint.identifier()));
        propertyIndexes.follow(blueprint);
    }

    /**
     * Deletes the blueprint, then its entities: after the row, not before, since deleting the row
     * waits for the writers that locked it ({@link #lockForEntities}) and a statement that starts
     * after that sees the entities they committed. (On SQLite the foreign key's cascade has already
     * deleted them.) Their edges go after them (EdgeRows).
     */
    void delete(String identifier) {
        propertyIndexes.dropAll(identifier);
        Sql.update(connection, "DELETE FROM blueprints WHERE identifier = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM entities WHERE blueprint = ?", List.of(identifier));
    }

    private static Blueprint map(ResultSet row) throws SQLException {
        return BlueprintJson.read(row.getString("identifier"), row.getString("definition"),
                Timestamps.parse(row.getString("created_at")), row.getString("created_by"),
                Timestamps.parse(row.getString("updated_at")), row.getString("updated_by"));
    }
}
