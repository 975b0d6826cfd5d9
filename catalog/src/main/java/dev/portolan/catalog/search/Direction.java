package dev.portolan.catalog.search;

/**
 * Which way {@code relatedTo} walks the relation graph from the given entity, following relations
 * transitively (directly or through further relations).
 * <ul>
 *   <li>{@code UPSTREAM}: what the given entity points at (a service's domain, the domain's
 *       owning group, ...).</li>
 *   <li>{@code DOWNSTREAM}: what points at the given entity (a domain's services, their
 *       deployments, ...).</li>
 *   <li>{@code BOTH}: either; what Port does when the rule names no direction.</li>
 * </ul>
 */
public enum Direction {
    UPSTREAM, DOWNSTREAM, BOTH
}
