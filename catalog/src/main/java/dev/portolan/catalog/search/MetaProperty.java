package dev.portolan.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/** The {@code $}-prefixed properties every entity has, usable in search rules. */
public enum MetaProperty {
    IDENTIFIER("$identifier"), TITLE("$title"), TEAM("$team"), BLUEPRINT("$blueprint"),
    ICON("$icon"), CREATED_AT("$createdAt"), UPDATED_AT("$updatedAt"),
    CREATED_BY("$createdBy"), UPDATED_BY("$updatedBy"), DATASOURCE("$datasource");

    private final String wire;

    MetaProperty(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<MetaProperty> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}
