package dev.portolan.bench.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor under every ingest figure: the benchmark's rows (~1 KB, the columns of an entity) written
 * with plain JDBC into a bare table that has only a primary key, the fastest way each database takes
 * them. SQLite: prepared inserts batched 1,000 per transaction, WAL, {@code synchronous=NORMAL}, in a
 * file of its own. PostgreSQL: {@code COPY} of 1,000 rows per transaction into a table of the
 * benchmark's database. Only the database's time is counted, not the making of the rows, so the
 * ratio of a stage to the floor says how far the stage is from what the database itself costs.
 */
final class DatabaseFloor {

    private static final int BATCH = 1000;
    private static final String COLUMNS = "blueprint, identifier, title, team, properties, relations, created_at, created_by, "
            + "updated_at, updated_by, datasource, content_hash";

    private DatabaseFloor() {}

    /** @return rows per second */
    static double measure(String dialect, String postgresUrl, int n) throws Exception {
        if (dialect.equals("sqlite")) {
            Path dir = Files.createTempDirectory("portolan_floor");
            try {
                return sqlite("jdbc:sqlite:" + dir.resolve("floor.db"), n);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            }
        }
        return postgres(postgresUrl, n);
    }

    private static double sqlite(String url, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE floor (blueprint TEXT NOT NULL, identifier TEXT NOT NULL, title TEXT, team TEXT, "
                        + "properties TEXT, relations TEXT, created_at TEXT, created_by TEXT, updated_at TEXT, updated_by TEXT, "
                        + "datasource TEXT, content_hash TEXT, PRIMARY KEY (blueprint, identifier))");
            }
            c.setAutoCommit(false);
            long spent = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO floor (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < n; from += BATCH) {
                    List<String[]> rows = rows(from, Math.min(n, from + BATCH));
                    long start = System.nanoTime();
                    for (String[] row : rows) {
                        for (int i = 0; i < row.length; i++) insert.setString(i + 1, row[i]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    spent += System.nanoTime() - start;
                }
            }
            return n / (spent / 1e9);
        }
    }

    private static double postgres(String url, int n) throws SQLException, java.io.IOException {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_floor");
                s.execute("CREATE TABLE bench_floor (blueprint TEXT COLLATE \"C\" NOT NULL, identifier TEXT COLLATE \"C\" NOT NULL, "
                        + "title TEXT, team JSONB, properties JSONB, relations JSONB, created_at TEXT, created_by TEXT, "
                        + "updated_at TEXT, updated_by TEXT, datasource TEXT, content_hash TEXT, PRIMARY KEY (blueprint, identifier))");
            }
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long spent = 0;
            for (int from = 0; from < n; from += BATCH) {
                List<String[]> rows = rows(from, Math.min(n, from + BATCH));
                long start = System.nanoTime();
                StringBuilder text = new StringBuilder(rows.size() * 1200);
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) text.append('\t');
                        copyText(text, row[i]);
                    }
                    text.append('\n');
                }
                copy.copyIn("COPY bench_floor (" + COLUMNS + ") FROM STDIN", new StringReader(text.toString()));
                c.commit();
                spent += System.nanoTime() - start;
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_floor");
            }
            c.commit();
            return n / (spent / 1e9);
        }
    }

    /** COPY's text format: backslash, tab and line ends escaped. */
    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /** The rows of the benchmark's objects [from, to), as the columns of an entity. */
    private static List<String[]> rows(int from, int to) {
        SyntheticSource source = new SyntheticSource(to, 7, 0);
        String now = java.time.Instant.now().toString();
        List<String[]> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ObjectNode o = source.object(i);
            ObjectNode properties = Json.object();
            properties.put("url", o.get("html_url").asText()).put("description", o.get("description").asText())
                    .put("language", o.get("language").asText()).put("stars", o.get("stargazers_count").asInt())
                    .put("openIssues", o.get("open_issues_count").asInt()).put("defaultBranch", o.get("default_branch").asText())
                    .put("archived", o.get("archived").asBoolean()).put("createdAt", o.get("created_at").asText())
                    .put("pushedAt", o.get("pushed_at").asText()).set("topics", o.get("topics"));
            ObjectNode relations = Json.object().put("owner", o.get("owner").get("login").asText()).put("domain", o.get("domain").asText());
            rows.add(new String[] {"bench_floor", "floor-" + i, o.get("full_name").asText(),
                    Json.write(Json.array().add(o.get("owner").get("login").asText())), Json.write(properties), Json.write(relations),
                    now, "bench", now, "bench", "floor", Long.toHexString(i * 0x9E3779B97F4A7C15L)});
        }
        return rows;
    }
}
