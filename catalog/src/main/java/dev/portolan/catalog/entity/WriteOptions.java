package dev.portolan.catalog.entity;

/**
 * How an entity write behaves (Port's query parameters of the same names).
 *
 * @param upsert                        update an existing entity instead of refusing with 409
 * @param merge                         keep stored properties and relations the request does not name
 * @param createMissingRelatedEntities  create empty placeholder targets for relations to missing entities
 * @param validationOnly                check everything, write nothing
 */
public record WriteOptions(boolean upsert, boolean merge, boolean createMissingRelatedEntities, boolean validationOnly) {

    public static final WriteOptions CREATE = new WriteOptions(false, false, false, false);
    public static final WriteOptions UPSERT_MERGE = new WriteOptions(true, true, false, false);
    public static final WriteOptions UPSERT_REPLACE = new WriteOptions(true, false, false, false);

    public WriteOptions withCreateMissingRelatedEntities(boolean value) {
        return new WriteOptions(upsert, merge, value, validationOnly);
    }
}
