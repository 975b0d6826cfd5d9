package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.audit.AuditRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity change as the History and Audit log tabs list it: what happened to which entity, the
 * fields that changed with their values before and after, and the resync (and resource) that did it.
 *
 * @param resource the resource of the mapping ({@code service-0}), "reconciliation", or null outside a resync
 */
public record ChangeRow(String timestamp, String action, String blueprint, String identifier, String origin, String resyncId,
                        String resource, List<FieldChange> fields) {

    public record FieldChange(String field, String before, String after) {}

    static ChangeRow of(AuditRecord r) {
        List<FieldChange> fields = new ArrayList<>();
        JsonNode diff = r.diff();
        for (String field : r.changedFields() == null ? List.<String>of() : r.changedFields()) {
            fields.add(new FieldChange(field, value(diff, "before", field), value(diff, "after", field)));
        }
        String resource = r.resync() == null ? null : r.resync().kind() == null ? "reconciliation" : r.resync().kindIdentifier();
        return new ChangeRow(r.timestamp().toString(), r.action().name().toLowerCase(java.util.Locale.ROOT), r.blueprint(), r.identifier(),
                r.origin(), r.resync() == null ? null : r.resync().resyncId(), resource, fields);
    }

    public String actionWord() {
        return switch (action) {
            case "create" -> "created";
            case "update" -> "updated";
            case "delete" -> "deleted";
            default -> action;
        };
    }

    /** Link to the entity, unless it is gone. */
    public String entityPath() {
        return action.equals("delete") ? null : "/catalog/" + blueprint + "/" + identifier;
    }

    private static String value(JsonNode diff, String side, String field) {
        if (diff == null) return null;
        JsonNode node = diff.path(side);
        for (String part : field.split("\\.", 2)) node = node.path(part);
        if (node.isMissingNode() || node.isNull()) return null;
        String text = node.isTextual() ? node.asText() : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
