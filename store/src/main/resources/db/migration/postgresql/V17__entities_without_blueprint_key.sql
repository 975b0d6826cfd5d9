-- The entities' foreign key to their blueprint goes. Its check ran for every entity row inserted and
-- locked the blueprint's row (FOR KEY SHARE) each time, about a tenth of a cold resync. The store
-- now takes that lock once per batch before inserting (BlueprintRows.lockForEntities: a blueprint
-- being deleted cannot get new entities) and deletes a blueprint's entities itself, after its row
-- (BlueprintRows.delete), as the key's cascade did.
DO $$
DECLARE
    constraint_name TEXT;
BEGIN
    FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'entities'::regclass AND contype = 'f' AND confrelid = 'blueprints'::regclass
    LOOP
        EXECUTE format('ALTER TABLE entities DROP CONSTRAINT %I', constraint_name);
    END LOOP;
END $$;
