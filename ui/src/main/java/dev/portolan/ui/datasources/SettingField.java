package dev.portolan.ui.datasources;

/**
 * One input of a settings form, generated from the integration type's declaration.
 *
 * @param input  {@code text}, {@code url}, {@code number}, {@code checkbox}, {@code password} or {@code json}
 * @param value  what the input shows: never a secret (a password input is always empty)
 * @param error  the service's message for this setting, or null
 */
public record SettingField(String name, String label, String input, boolean required, String doc, String value, String error) {

    /** The form parameter that carries this setting. */
    public String param() {
        return SettingsForm.PREFIX + name;
    }

    public String id() {
        return "setting-" + name;
    }

    public boolean checked() {
        return "true".equals(value);
    }
}
