-- V14 is undone: without the key, the store deleted an entity's edges with a statement of its own,
-- and the reconciliation's deletions took twice as long (2.5 -> 5.4 s for 15,000 entities at 300k),
-- more than the cold resync gained. The key and its cascade come back; V14 stays, as databases have
-- run it. Keep in step with V1's definition.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'relation_edges'::regclass AND contype = 'f'
                   AND confrelid = 'entities'::regclass) THEN
        DELETE FROM relation_edges r WHERE NOT EXISTS (SELECT 1 FROM entities e
            WHERE e.blueprint = r.source_blueprint AND e.identifier = r.source_identifier);
        ALTER TABLE relation_edges ADD FOREIGN KEY (source_blueprint, source_identifier)
            REFERENCES entities (blueprint, identifier) ON DELETE CASCADE;
    END IF;
END $$;
