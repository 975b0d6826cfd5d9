package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The columns of an entity row and their mapping to {@link Entity}, shared by reads and search. */
final class EntityColumns {

    /** Selected from the entities table aliased {@code e}. */
    static final String SELECT = "e.blueprint, e.identifier, e.title, e.icon, e.team, e.properties, e.relations, "
            + "e.created_at, e.created_by, e.updated_at, e.updated_by, e.datasource";

    private EntityColumns() {}

    static Entity map(ResultSet row) throws SQLException {
        return new Entity(
                row.getString("identifier"),
                row.getString("title"),
                row.getString("icon"),
                Json.readStrings(row.getString("team")),
                row.getString("blueprint"),
                Json.readObject(row.getString("properties")),
                Json.readObject(row.getString("relations")),
                Timestamps.parse(row.getString("created_at")),
                row.getString("created_by"),
                Timestamps.parse(row.getString("updated_at")),
                row.getString("updated_by"),
                row.getString("datasource"));
    }

    /** The values written for an entity, in the order title, icon, team, properties, relations, meta, hash. */
    static List<Object> values(Entity entity, String contentHash) {
        return Arrays.asList(
                entity.title(),
                entity.icon(),
                Json.writeStrings(entity.team()),
                entity.properties() == null ? "{}" : Json.write(entity.properties()),
                entity.relations() == null ? "{}" : Json.write(entity.relations()),
                Timestamps.format(entity.createdAt()),
                entity.createdBy(),
                Timestamps.format(entity.updatedAt()),
                entity.updatedBy(),
                entity.datasource(),
                contentHash);
    }
}
