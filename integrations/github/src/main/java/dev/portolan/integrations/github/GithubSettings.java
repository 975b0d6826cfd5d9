package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.sync.settings.SettingDefinition;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;

import java.net.URI;
import java.util.List;

/**
 * The GitHub integration's settings, with the names Port's GitHub integration uses so that a Port
 * user's values carry over. Authentication is either a token ({@code githubToken}: a classic or
 * fine-grained personal access token) or a GitHub App ({@code githubAppId} + {@code githubAppPrivateKey},
 * installed on {@code githubOrganization}). Secrets are never shown by the API, the UI or logs.
 */
final class GithubSettings {

    static final String HOST = "githubHost";
    static final String TOKEN = "githubToken";
    static final String ORGANIZATION = "githubOrganization";
    static final String APP_ID = "githubAppId";
    static final String APP_PRIVATE_KEY = "githubAppPrivateKey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String APP_HOST = "appHost";

    static final String DEFAULT_HOST = "https://api.github.com";

    static final SettingsDefinition DEFINITION = SettingsDefinition.builder()
            .optional(HOST, SettingType.URL, DEFAULT_HOST,
                    "the GitHub REST API's base URL; for GitHub Enterprise Server https://HOST/api/v3")
            .secret(TOKEN, false, "a personal access token (classic or fine-grained); not needed with a GitHub App")
            .optional(ORGANIZATION, SettingType.STRING, null,
                    "the organization to sync; required with a GitHub App or a fine-grained token, else every organization the token's user belongs to")
            .optional(APP_ID, SettingType.STRING, null, "the GitHub App's id, to act as the app instead of with a token")
            .secret(APP_PRIVATE_KEY, false, "the GitHub App's private key (PEM), needed with githubAppId")
            .secret(WEBHOOK_SECRET, false, "the secret GitHub signs webhook deliveries with (X-Hub-Signature-256)")
            .optional(APP_HOST, SettingType.URL, null,
                    "this server's public base URL; with webhookSecret, installing creates the organization's webhook pointing at it")
            .rule(GithubSettings::checkAuthentication)
            .build();

    private GithubSettings() {}

    private static void checkAuthentication(ObjectNode values, List<Violation> violations) {
        boolean token = has(values, TOKEN);
        boolean appId = has(values, APP_ID);
        boolean key = has(values, APP_PRIVATE_KEY);
        if (!token && !appId) {
            violations.add(new Violation("settings." + TOKEN, "give a token (githubToken) or a GitHub App (githubAppId with githubAppPrivateKey)"));
        }
        if (appId && !key) violations.add(new Violation("settings." + APP_PRIVATE_KEY, "is required with githubAppId: the app's private key (PEM)"));
        if (key && !appId) violations.add(new Violation("settings." + APP_ID, "is required with githubAppPrivateKey: the app's id"));
        if (appId && !token && !has(values, ORGANIZATION)) {
            violations.add(new Violation("settings." + ORGANIZATION, "is required with a GitHub App: the organization it is installed on"));
        }
        if (appId && key) {
            String problem = AppJwt.keyProblem(values.get(APP_PRIVATE_KEY).asText());
            if (problem != null) violations.add(new Violation("settings." + APP_PRIVATE_KEY, problem));
        }
        if (has(values, APP_ID) && !values.get(APP_ID).asText().matches("\\d+")) {
            violations.add(new Violation("settings." + APP_ID, "must be the app's numeric id, got '" + values.get(APP_ID).asText() + "'"));
        }
        if (has(values, APP_HOST) && !has(values, WEBHOOK_SECRET)) {
            violations.add(new Violation("settings." + WEBHOOK_SECRET, "is required with appHost: webhooks are only accepted when signed"));
        }
    }

    private static boolean has(ObjectNode values, String name) {
        return values.hasNonNull(name) && !values.get(name).asText().isBlank();
    }

    static URI host(Settings settings) {
        String host = settings.string(HOST);
        return URI.create(host.endsWith("/") ? host.substring(0, host.length() - 1) : host);
    }

    static boolean usesApp(Settings settings) {
        return settings.string(APP_ID) != null && settings.string(TOKEN) == null;
    }
}
