-- Catalog pages sort a blueprint's entities by title or by time and page by keyset: one ordered
-- range read per page on these indexes, at any depth.
CREATE INDEX entities_sort_title ON entities (blueprint, title, identifier);
CREATE INDEX entities_sort_created ON entities (blueprint, created_at, identifier);
CREATE INDEX entities_sort_updated ON entities (blueprint, updated_at, identifier);
