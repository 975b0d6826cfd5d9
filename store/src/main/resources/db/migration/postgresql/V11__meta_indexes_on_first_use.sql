-- The indexes that ordered every blueprint's entities by title, creation and update time go: each
-- cost a write per entity row whether or not anyone sorted that blueprint (together a fifth of a cold
-- resync). A blueprint now gets its own (column, identifier) index the first time a search sorts it by
-- $title, $createdAt or $updatedAt or compares one of them by value (MetaColumns, PropertyIndexes).
-- Keep in step with the other dialect's V11.
DROP INDEX IF EXISTS entities_sort_title;
DROP INDEX IF EXISTS entities_sort_created;
DROP INDEX IF EXISTS entities_sort_updated;
