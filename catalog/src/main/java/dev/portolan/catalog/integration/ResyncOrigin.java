package dev.portolan.catalog.integration;

/**
 * Which resync of an integration made a change, and from which resource of its mapping: recorded
 * with each audit record the resync writes, so a resync's "what changed" and an entity's
 * provenance can be read back.
 *
 * @param resyncId      the resync's id
 * @param kind          the resource's kind; null for changes of the reconciliation (retries, deletes)
 * @param resourceIndex the resource's place in the mapping (0-based); null with {@code kind}
 */
public record ResyncOrigin(String resyncId, String kind, Integer resourceIndex) {

    /** The reconciliation of a resync: its deletes belong to no resource. */
    public static ResyncOrigin reconciliation(String resyncId) {
        return new ResyncOrigin(resyncId, null, null);
    }

    public static ResyncOrigin resource(String resyncId, String kind, int resourceIndex) {
        return new ResyncOrigin(resyncId, kind, resourceIndex);
    }

    /** Port's kind identifier {@code "{kind}-{index}"}, or null for the reconciliation. */
    public String kindIdentifier() {
        return kind == null ? null : kind + "-" + resourceIndex;
    }

    /** Reads back {@link #kindIdentifier()} (the kind itself may contain dashes: the index is after the last). */
    public static ResyncOrigin parse(String resyncId, String kindIdentifier) {
        if (kindIdentifier == null) return reconciliation(resyncId);
        int dash = kindIdentifier.lastIndexOf('-');
        return new ResyncOrigin(resyncId, kindIdentifier.substring(0, dash), Integer.parseInt(kindIdentifier.substring(dash + 1)));
    }
}
