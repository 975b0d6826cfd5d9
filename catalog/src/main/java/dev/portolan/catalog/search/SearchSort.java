package dev.portolan.catalog.search;

/**
 * The order of a search's results: by a meta-property ({@code $identifier}, {@code $title},
 * {@code $createdAt}, {@code $updatedAt}) or by a scalar property of the searched blueprint,
 * then by identifier. Entities without a value come last in either direction.
 */
public record SearchSort(String property, boolean descending) {

    public static final SearchSort BY_IDENTIFIER = new SearchSort("$identifier", false);
}
