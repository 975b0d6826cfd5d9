package dev.portolan.catalog.blueprint;

/**
 * A named, typed link from a blueprint to a target blueprint. {@code many} and {@code required}
 * are never both true (Port refuses that combination, and so does {@link BlueprintValidator}).
 */
public record Relation(String title, String target, boolean required, boolean many, String description) {}
