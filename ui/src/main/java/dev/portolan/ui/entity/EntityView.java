package dev.portolan.ui.entity;

import dev.portolan.ui.values.ShownValue;

import java.util.List;

/**
 * An entity page: what the entity is, its values by format, its relations both ways, where it
 * came from, and its history.
 *
 * @param datasource   the integration that wrote it last, or null when a person or program did
 * @param datasourceSync state and start of that integration's latest sync, in words, or null
 * @param provenance   which resync and resource of that integration wrote it, and the raw object; null
 *                     when no integration owns it
 */
public record EntityView(String blueprint, String blueprintTitle, String identifier, String title, String icon,
                         List<String> team, List<Field> properties, List<Field> computed, List<Outgoing> outgoing,
                         List<Incoming> incoming, String datasource, String datasourceSync, Provenance provenance, String createdAt,
                         String createdBy, String updatedAt, String updatedBy, List<Change> history, String rawJson,
                         String editHref, String deleteHref, String catalogHref) {

    /** A property: its name and title, its value for display. */
    public record Field(String key, String title, String type, ShownValue value) {}

    public record Outgoing(String relation, String title, String target, String targetTitle, boolean many, ShownValue value) {}

    /**
     * Entities of another blueprint pointing here through one relation: the first ones, and the
     * catalog page listing all of them.
     */
    public record Incoming(String blueprint, String blueprintTitle, String relation, String relationTitle,
                           List<Link> entities, boolean more, String allHref) {}

    public record Link(String title, String href) {}

    /**
     * Where the owning integration's last write came from.
     *
     * @param resyncId     the resync that wrote it last; null when written outside a resync (a live event)
     * @param resyncHref   that resync's History page (with what it changed)
     * @param resource     the mapping's resource ({@code kind-index}), "reconciliation", or null with {@code resyncId}
     * @param writtenAt    when; null when unknown
     * @param sample       the raw object that produced it, pretty JSON; null when no kept sample produced it
     * @param sampleFrom   which resync, resource and position that object came from, in words; null with {@code sample}
     * @param sampleOmitted why the object itself was not kept (too large); null when it was
     */
    public record Provenance(String resyncId, String resyncHref, String resource, String writtenAt, String sample,
                             String sampleFrom, String sampleOmitted) {

        public boolean hasSample() {
            return sampleFrom != null;
        }
    }

    /** One audit record: when, who, what, and the changed fields with before and after. */
    public record Change(String when, String action, String origin, String status, List<FieldChange> fields, String message) {}

    public record FieldChange(String field, String before, String after) {}

    public boolean hasIncoming() {
        return !incoming.isEmpty();
    }
}
