package dev.portolan.catalog.search;

public enum Combinator {
    AND, OR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
