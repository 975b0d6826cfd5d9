package dev.portolan.catalog.search;

/**
 * One page of a search.
 *
 * @param blueprint  restricts the search to one blueprint, or null for all blueprints
 * @param query      the rules; {@link Query#matchAll()} for none
 * @param limit      1..1000
 * @param from       the opaque cursor of the previous page's {@link SearchPage#next()}, or null
 *                   (a cursor belongs to the sort it was issued for)
 * @param sort       the order; null for blueprint, then identifier
 */
public record SearchRequest(String blueprint, Query query, int limit, String from, SearchSort sort) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    /** A search in the default order (blueprint, identifier). */
    public SearchRequest(String blueprint, Query query, int limit, String from) {
        this(blueprint, query, limit, from, null);
    }
}
