package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code blueprints} table, and the property indexes that follow each blueprint's schema. */
final class BlueprintRows {

    private static final String COLUMNS = "identifier, definition, created_at, created_by, updated_at, updated_by";

    private final Connection connection;
    private final PropertyIndexes propertyIndexes;

    BlueprintRows(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.propertyIndexes = new PropertyIndexes(connection, dialect);
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

    /** Deletes the blueprint; its entities go with it (foreign key cascade), their edges right after (EdgeRows). */
    void delete(String identifier) {
        propertyIndexes.dropAll(identifier);
        Sql.update(connection, "DELETE FROM blueprints WHERE identifier = ?", List.of(identifier));
    }

    private static Blueprint map(ResultSet row) throws SQLException {
        return BlueprintJson.read(row.getString("identifier"), row.getString("definition"),
                Timestamps.parse(row.getString("created_at")), row.getString("created_by"),
                Timestamps.parse(row.getString("updated_at")), row.getString("updated_by"));
    }
}
