-- V14 again, now that its cost is understood: the reconciliation's explicit delete of edges was slow
-- only because relation_edges had no fresh statistics (the planner took a blueprint's 600,000 edges
-- for 1,200 and filtered them all instead of looking the identifiers up); PostgresDialect.afterWrite
-- now analyzes relation_edges as it does entities. The key's check locked the source entity's row
-- (FOR KEY SHARE) for every edge written, about a tenth of a cold resync; the store deletes an
-- entity's edges itself (EdgeRows.deleteFrom, deleteFromBlueprint), in the transaction that deletes it.
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
