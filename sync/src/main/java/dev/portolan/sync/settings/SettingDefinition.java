package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One setting, declared once: its name, type, default, whether it is required or secret, a
 * one-line doc, and an optional validator for what the type cannot say. The declaration drives
 * parsing, validation, error messages and the docs.
 *
 * @param defaultValue null when there is none
 * @param validator    adds violations for a present, well-typed value; may be null
 */
public record SettingDefinition(String name, SettingType type, boolean required, JsonNode defaultValue,
                                boolean secret, String doc, Validator validator) {

    @FunctionalInterface
    public interface Validator {
        /** Adds a message per problem with {@code value} to {@code problems}; {@code path} is where it is. */
        void validate(String path, JsonNode value, List<dev.portolan.catalog.Violation> problems);
    }
}
