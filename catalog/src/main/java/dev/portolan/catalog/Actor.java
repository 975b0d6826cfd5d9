package dev.portolan.catalog;

/**
 * Who makes a change: recorded as {@code createdBy}/{@code updatedBy} and as the audit origin.
 *
 * @param origin      the credential's client id (or a user's e-mail), or {@code integration:<id>}
 * @param datasource  the integration that owns what this actor writes, or null for API writes
 */
public record Actor(String origin, String datasource) {

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
}
