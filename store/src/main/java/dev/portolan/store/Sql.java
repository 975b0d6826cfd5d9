package dev.portolan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers shared by the row classes; SQLException becomes {@link StoreException}. */
final class Sql {

    /**
     * Rows per IN list or batch chunk: far below SQLite's 32766 bound parameters and PostgreSQL's
     * 65535, large enough that a batch of 1,000 entities costs two or three statements.
     */
    static final int CHUNK = 500;

    private Sql() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = new ArrayList<>(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    static <T> T withStatement(Connection connection, String sql, StatementWork<T> work) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, List<?> parameters, RowMapper<T> mapper) {
        return withStatement(connection, sql, statement -> {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(mapper.map(resultSet));
                }
            }
            return rows;
        });
    }

    static <T> Optional<T> queryOne(Connection connection, String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> rows = query(connection, sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static int update(Connection connection, String sql, List<?> parameters) {
        return withStatement(connection, sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** Runs one statement for every parameter row as a JDBC batch. */
    static void batch(Connection connection, String sql, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withStatement(connection, sql, statement -> {
            for (List<Object> row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (value instanceof String text) {
                statement.setString(i + 1, text); // most values: skips the drivers' type dispatch
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
