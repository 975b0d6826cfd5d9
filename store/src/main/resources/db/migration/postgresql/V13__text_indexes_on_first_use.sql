-- The search box's trigram indexes are built per blueprint, the first time a search of the blueprint
-- asks (TextIndexes), instead of over every blueprint's rows: with the GIN index on properties, which
-- no query reads (searches compare a property's value through its own expression index), each was
-- about a tenth of a cold resync. A blueprint's first search-box query after this upgrade builds its
-- indexes (seconds at a million entities, once).
DROP INDEX IF EXISTS entities_properties_gin;
DROP INDEX IF EXISTS entities_title_trigrams;
DROP INDEX IF EXISTS entities_identifier_trigrams;
