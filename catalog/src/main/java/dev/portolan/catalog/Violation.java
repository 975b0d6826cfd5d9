package dev.portolan.catalog;

/**
 * One rule broken by a request, keyed by where: {@code properties.url},
 * {@code schema.properties.size.type}, {@code relations.owner}.
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
