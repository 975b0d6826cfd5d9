package dev.portolan.catalog.access;

import java.time.Instant;
import java.util.List;

/** A team: entities are owned by team name; users belong to teams. */
public record Team(String name, String description, List<String> users, Instant createdAt, Instant updatedAt) {}
