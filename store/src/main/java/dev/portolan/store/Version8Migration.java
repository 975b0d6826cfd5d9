package dev.portolan.store;

import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 8, for searches at a million entities: on PostgreSQL every indexed property gets
 * the planner statistics that new properties get ({@link Dialect#createPropertyStatistics}), now
 * including the one on its JSON type; on SQLite the statistics taken with a row limit are replaced
 * by a full analysis ({@link SqliteDialect#afterWrite}). Then {@code entities} is analyzed, so the
 * planner has them at once.
 */
final class Version8Migration extends DialectMigration {

    Version8Migration(Dialect dialect) {
        super(dialect, "8", "planner statistics on property types");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> properties = new ArrayList<>();
        Sql.query(connection, "SELECT DISTINCT property FROM property_indexes ORDER BY property", List.of(),
                row -> properties.add(row.getString(1)));
        List<String> statements = new ArrayList<>();
        properties.stream().filter(Identifiers::isValid).forEach(p -> statements.addAll(dialect.createPropertyStatistics(p)));
        statements.forEach(statement -> Sql.update(connection, statement, List.of()));
        Sql.update(connection, "ANALYZE entities", List.of());
    }
}
