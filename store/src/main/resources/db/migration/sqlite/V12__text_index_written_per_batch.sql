-- SQLite only. The search box's FTS5 table (entity_text, version 7) was kept by triggers, and the
-- insert trigger ran once per inserted row (the store's JDBC batches are one INSERT per row), while
-- FTS5 does much of its index work per statement that writes it. The store now adds inserted rows
-- itself, one statement per batch (SqliteDialect.indexInsertedText). Renames and deletions keep
-- their triggers.
DROP TRIGGER entity_text_insert;
