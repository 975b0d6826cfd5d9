package dev.portolan.catalog;

import dev.portolan.catalog.integration.ResyncOrigin;

/**
 * Who makes a change: recorded as {@code createdBy}/{@code updatedBy} and as the audit origin.
 *
 * @param origin      the credential's client id (or a user's e-mail), or {@code integration:<id>}
 * @param datasource  the integration that owns what this actor writes, or null for API writes
 * @param resync      the resync (and resource) of that integration making the change; null outside resyncs
 */
public record Actor(String origin, String datasource, ResyncOrigin resync) {

    public Actor(String origin, String datasource) {
        this(origin, datasource, null);
    }

    public static Actor credential(String clientId) {
        return new Actor(clientId, null);
    }

    public static Actor integration(String integrationIdentifier) {
        return new Actor("integration:" + integrationIdentifier, integrationIdentifier);
    }

    /** The server itself (start-up tasks, placeholders it creates on someone's behalf). */
    public static Actor system() {
        return new Actor("portolan", null);
    }

    /** The same actor, writing for one resync (so the audit log can say which one). */
    public Actor inResync(ResyncOrigin origin) {
        return new Actor(this.origin, datasource, origin);
    }
}
