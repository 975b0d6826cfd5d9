package dev.portolan.catalog.entity;

/** Identifies an entity across the catalog: identifiers are unique within a blueprint. */
public record EntityKey(String blueprint, String identifier) {

    @Override
    public String toString() {
        return blueprint + "/" + identifier;
    }
}
