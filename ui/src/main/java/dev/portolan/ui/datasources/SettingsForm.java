package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.SettingDefinition;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings form of an integration type, generated from its {@link SettingsDefinition} (as
 * Django's admin builds forms from models): one input per declared setting, secrets as password
 * inputs that are never filled in, objects and lists as JSON. Reading the form back gives the JSON
 * the service validates; the service's violations come back to their inputs.
 */
public final class SettingsForm {

    static final String PREFIX = "setting.";

    private final SettingsDefinition definition;

    public SettingsForm(SettingsDefinition definition) {
        this.definition = definition;
    }

    /**
     * The inputs, showing {@code values} (the stored settings with secrets redacted, or what the
     * user typed), with {@code errors} by setting name.
     */
    public List<SettingField> fields(JsonNode values, Map<String, String> errors) {
        List<SettingField> fields = new ArrayList<>();
        for (SettingDefinition d : definition.definitions()) {
            JsonNode value = values == null ? null : values.get(d.name());
            if (value == null || value.isNull()) value = d.defaultValue();
            fields.add(new SettingField(d.name(), label(d.name()), input(d), d.required(), d.doc(),
                    d.secret() ? "" : shown(d, value), errors.get(d.name())));
        }
        return fields;
    }

    /**
     * The settings JSON the form posted. A secret left empty is sent as {@link Settings#REDACTED},
     * which keeps the stored value when editing (and is refused as a value when installing, since
     * nothing is stored). JSON that does not parse is reported in {@code problems} by setting name.
     *
     * @param editing true when the settings exist (empty secrets keep theirs)
     */
    public ObjectNode read(Context ctx, boolean editing, Map<String, String> problems) {
        ObjectNode settings = Json.object();
        for (SettingDefinition d : definition.definitions()) {
            String raw = ctx.formParam(PREFIX + d.name());
            switch (input(d)) {
                case "checkbox" -> settings.put(d.name(), raw != null);
                case "password" -> {
                    if (raw != null && !raw.isEmpty()) settings.put(d.name(), raw);
                    else if (editing) settings.put(d.name(), Settings.REDACTED);
                }
                case "number" -> {
                    if (raw == null || raw.isBlank()) continue;
                    try {
                        settings.put(d.name(), Long.parseLong(raw.trim()));
                    } catch (NumberFormatException e) {
                        settings.set(d.name(), TextNode.valueOf(raw)); // the service says why it is wrong
                    }
                }
                case "json" -> {
                    if (raw == null || raw.isBlank()) continue;
                    try {
                        settings.set(d.name(), Json.parse(raw));
                    } catch (RuntimeException e) {
                        problems.put(d.name(), "is not valid JSON: " + firstLine(e.getMessage()));
                    }
                }
                default -> {
                    if (raw != null && !raw.isBlank()) settings.put(d.name(), raw.trim());
                }
            }
        }
        return settings;
    }

    /**
     * The service's violations ({@code settings.kinds.service.url: ...}, {@code settings.repositories[1]: ...})
     * by the setting they concern.
     */
    public static Map<String, String> errors(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            String path = v.path().startsWith("settings.") ? v.path().substring("settings.".length()) : v.path();
            int dot = path.indexOf('.');
            int bracket = path.indexOf('[');
            int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
            String name = end < 0 ? path : path.substring(0, end);
            String where = end < 0 ? "" : path.substring(end == dot ? end + 1 : end) + ": ";
            errors.merge(name, where + v.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static String input(SettingDefinition d) {
        if (d.secret()) return "password";
        return switch (d.type()) {
            case STRING -> "text";
            case URL -> "url";
            case INTEGER -> "number";
            case BOOLEAN -> "checkbox";
            case OBJECT, LIST -> "json";
        };
    }

    private static String shown(SettingDefinition d, JsonNode value) {
        if (value == null || value.isNull()) return "";
        if (value.isTextual()) return value.asText();
        if (d.type() == dev.portolan.sync.settings.SettingType.OBJECT || d.type() == dev.portolan.sync.settings.SettingType.LIST) {
            return value.toPrettyString();
        }
        return value.toString();
    }

    /** "scheduledResyncInterval" → "Scheduled resync interval". */
    static String label(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
