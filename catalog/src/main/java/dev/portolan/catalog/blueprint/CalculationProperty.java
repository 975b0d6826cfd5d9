package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A property computed with jq over the entity (its {@code identifier}, {@code title},
 * {@code properties}, {@code relations}, ...) when the entity is read; never stored.
 *
 * @param type   the JSON type of the result ({@code string}, {@code number}, ...)
 * @param extra  the rest of Port's definition kept as given ({@code format}, {@code colorized},
 *               {@code colors}, ...), so it round-trips; never null
 */
public record CalculationProperty(String title, String calculation, String type, ObjectNode extra) {}
