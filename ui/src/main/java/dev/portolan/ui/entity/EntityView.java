package dev.portolan.ui.entity;

import dev.portolan.ui.values.ShownValue;

import java.util.List;

/**
 * An entity page: what the entity is, its values by format, its relations both ways, where it
 * came from, and its history.
 *
 * @param datasource   the integration that wrote it last, or null when a person or program did
 * @param datasourceSync state and start of that integration's latest sync, in words, or null
 */
public record EntityView(String blueprint, String blueprintTitle, String identifier, String title, String icon,
                         List<String> team, List<Field> properties, List<Field> computed, List<Outgoing> outgoing,
                         List<Incoming> incoming, String datasource, String datasourceSync, String createdAt,
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

    /** One audit record: when, who, what, and the changed fields with before and after. */
    public record Change(String when, String action, String origin, String status, List<FieldChange> fields, String message) {}

    public record FieldChange(String field, String before, String after) {}

    public boolean hasIncoming() {
        return !incoming.isEmpty();
    }
}
