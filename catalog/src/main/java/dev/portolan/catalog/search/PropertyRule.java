package dev.portolan.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code {property, operator, value}}. {@code property} is a property identifier, a relation
 * identifier (compared with the related identifier(s)), or a meta-property ({@link MetaProperty}).
 *
 * @param value  as given; for {@code between}/{@code notBetween} an object {@code {from, to}} or
 *               {@code {preset}}; for {@code in}/{@code notIn}/{@code containsAny} an array;
 *               null for {@code isEmpty}/{@code isNotEmpty}. {@link QueryParser} checks the shape.
 */
public record PropertyRule(String property, Operator operator, JsonNode value) implements SearchNode {}
