-- Relation edges are written by the store with their source entity, in the same transaction, and
-- deleted by it before the entity (EdgeRows.deleteFrom) or its blueprint (deleteFromBlueprint): the
-- foreign key from an edge to its source entity checked what could not be otherwise, and checking it
-- locked the entity's row (FOR KEY SHARE) for every edge written, about a tenth of a cold resync.
-- SQLite keeps its key: checking it is a look-up of a page the batch just wrote.
DO $$
DECLARE
    constraint_name TEXT;
BEGIN
    FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'relation_edges'::regclass AND contype = 'f' AND confrelid = 'entities'::regclass
    LOOP
        EXECUTE format('ALTER TABLE relation_edges DROP CONSTRAINT %I', constraint_name);
    END LOOP;
END $$;
