package dev.portolan.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class WalCheckpointsTest {

    /**
     * A writer that never pauses never lets a passive checkpoint empty the log, so the log would hold
     * every page written; the background thread makes it start over, the writer giving way before
     * each transaction while a restart is pending (as the store's does), so the file stays smaller
     * than what was written through it and no restart has to give up.
     */
    @Test
    void theLogStartsOverWhileAWriterKeepsWriting(@TempDir Path temp) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + temp.resolve("wal.db"));
        Path log = temp.resolve("wal.db-wal");
        long written = 0;
        try (WalCheckpoints checkpoints = new WalCheckpoints(source, 64, 10_000);
             Connection writer = source.getConnection()) {
            try (Statement sql = writer.createStatement()) {
                sql.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
            }
            checkpoints.start();
            writer.setAutoCommit(false);
            String body = "x".repeat(4_000);
            long deadline = System.nanoTime() + 60_000_000_000L;
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
                while (checkpoints.restarts() < 3 && System.nanoTime() < deadline) {
                    checkpoints.giveWayToRestart();
                    for (int i = 0; i < 50; i++) {
                        insert.setString(1, body);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    writer.commit();
                    written += 50L * body.length();
                }
            }
            assertThat(checkpoints.restarts()).as("restarts of the log").isGreaterThanOrEqualTo(3);
            assertThat(checkpoints.restartsGivenUp()).as("restarts that gave up").isZero();
            assertThat(Files.size(log)).as("the log's size").isLessThan(written);
        }
    }
}
