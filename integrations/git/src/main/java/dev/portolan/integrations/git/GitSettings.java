package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Violation;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.settings.SettingDefinition;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Git integration's settings, declared once (docs/integrations/git.md lists them from here). */
final class GitSettings {

    static final String REPOSITORIES = "repositories";
    static final String SCAN_ROOTS = "scanRoots";
    static final String SCAN_DEPTH = "scanDepth";
    static final String BRANCH = "branch";
    static final String COMMIT_DEPTH = "commitDepth";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String WEBHOOK_SECRET = "webhookSecret";

    /** The shape of the settings, without checking where local repositories are (that is {@link #definition(FileFolders)}'s). */
    static final SettingsDefinition DEFINITION = definition(null);

    /** The settings, with every local path ({@code file://} URLs too) checked against {@code folders} (not at all when null). */
    static SettingsDefinition definition(FileFolders folders) {
        return SettingsDefinition.builder()
                .add(new SettingDefinition(REPOSITORIES, SettingType.LIST, false, json("[]"), false,
                        "repositories to read: local paths, or file://, http(s):// or ssh:// URLs (remote ones are cloned bare into the data directory and fetched on each resync)",
                        (path, value, problems) -> validateLocations(path, value, folders, problems)))
                .add(new SettingDefinition(SCAN_ROOTS, SettingType.LIST, false, json("[]"), false,
                        "folders searched for repositories (working trees and bare ones), down to scanDepth levels",
                        (path, value, problems) -> validateFolders(path, value, folders, problems)))
                .add(new SettingDefinition(SCAN_DEPTH, SettingType.INTEGER, false, json("3"), false,
                        "how many folder levels below a scan root are searched", GitSettings::validateScanDepth))
                .optional(BRANCH, SettingType.STRING, null, "branch to read in every repository (default: each repository's HEAD)")
                .add(new SettingDefinition(COMMIT_DEPTH, SettingType.INTEGER, false, json("100"), false,
                        "how many of the most recent commits of each repository the commit kind returns", GitSettings::validateCommitDepth))
                .optional(USERNAME, SettingType.STRING, null, "user name for https remotes (with password); for a token alone, any name")
                .secret(PASSWORD, false, "password or access token for https remotes")
                .secret(WEBHOOK_SECRET, false,
                        "shared secret that live events (POST /integrations/{id}/events) must carry as a signature or token; without it, live events are refused")
            .build();
    }

    private GitSettings() {}

    static List<String> list(Settings settings, String name) {
        List<String> values = new ArrayList<>();
        JsonNode list = settings.json(name);
        if (list != null) list.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void validateLocations(String path, JsonNode value, FileFolders folders, List<Violation> problems) {
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String where = path + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(new Violation(where, "must be a path or a URL, got " + item));
                continue;
            }
            String problem = RepositoryLocation.problem(item.asText());
            if (problem == null && folders != null) problem = RepositoryLocation.configured(item.asText()).outside(folders);
            if (problem != null) problems.add(new Violation(where, problem));
        }
    }

    private static void validateFolders(String path, JsonNode value, FileFolders folders, List<Violation> problems) {
        for (int i = 0; i < value.size(); i++) {
            String where = path + "[" + i + "]";
            if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                problems.add(new Violation(where, "must be a folder path, got " + value.get(i)));
            } else if (folders != null) {
                String problem = folders.problem(Path.of(value.get(i).asText()));
                if (problem != null) problems.add(new Violation(where, problem));
            }
        }
    }

    private static void validateScanDepth(String path, JsonNode value, List<Violation> problems) {
        if (value.asInt() < 0 || value.asInt() > 10) problems.add(new Violation(path, "must be between 0 and 10, got " + value));
    }

    private static void validateCommitDepth(String path, JsonNode value, List<Violation> problems) {
        if (value.asInt() < 0 || value.asInt() > 100_000) problems.add(new Violation(path, "must be between 0 and 100000, got " + value));
    }

    private static JsonNode json(String text) {
        return dev.portolan.catalog.json.Json.parse(text);
    }
}
