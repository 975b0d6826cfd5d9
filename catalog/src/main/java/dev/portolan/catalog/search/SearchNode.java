package dev.portolan.catalog.search;

/** A node of a search query: a nested query or a rule. */
public sealed interface SearchNode permits Query, PropertyRule, RelatedToRule {}
