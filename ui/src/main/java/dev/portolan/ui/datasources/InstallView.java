package dev.portolan.ui.datasources;

import java.util.List;
import java.util.Map;

/**
 * The install form of one integration type.
 *
 * @param errors  by field: {@code identifier}, {@code scheduledResyncInterval}, or a setting's name
 * @param general an error that belongs to no field (e.g. the identifier is taken), or null
 */
public record InstallView(String type, String description, String identifier, String title, String interval,
                          List<SettingField> settings, Map<String, String> errors, String general) {

    public String error(String field) {
        return errors.get(field);
    }
}
