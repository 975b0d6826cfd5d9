package dev.portolan.catalog.access;

import java.time.Instant;
import java.util.List;

/** A person who uses the catalog, identified by e-mail, with a role and teams. */
public record User(String email, String firstName, String lastName, Role role, String status,
                   List<String> teams, Instant createdAt, Instant updatedAt) {}
