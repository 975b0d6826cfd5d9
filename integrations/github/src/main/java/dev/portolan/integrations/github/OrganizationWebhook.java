package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/**
 * Creates the organization's webhook on install when {@code webhookSecret} and {@code appHost} are
 * set: {@code POST /orgs/{org}/hooks} pointing at {@code {appHost}/integrations/{id}/webhook}, JSON,
 * signed with the secret, for the events the integration applies. An existing hook with the same
 * URL is kept. When the credentials may not (a token needs {@code admin:org_hook}, an app
 * "Organization webhooks: write"), it says so and how to create it by hand.
 */
final class OrganizationWebhook {

    static final List<String> EVENTS = List.of("push", "pull_request", "issues", "repository", "workflow_run", "workflow_job",
            "release", "create", "delete", "team", "membership", "member", "dependabot_alert", "code_scanning_alert");

    private final GithubIntegration integration;

    OrganizationWebhook(GithubIntegration integration) {
        this.integration = integration;
    }

    /** @return a line for the event log, or null when webhooks are not configured */
    String create(String installation, Settings settings) {
        String appHost = settings.string(GithubSettings.APP_HOST);
        String secret = settings.string(GithubSettings.WEBHOOK_SECRET);
        if (appHost == null || secret == null) return null;
        String org = settings.string(GithubSettings.ORGANIZATION);
        String url = (appHost.endsWith("/") ? appHost.substring(0, appHost.length() - 1) : appHost) + "/integrations/" + installation + "/webhook";
        String byHand = "create it by hand in the organization's settings (Webhooks): payload URL " + url
                + ", content type application/json, the webhookSecret as secret, events: " + String.join(", ", EVENTS);
        if (org == null) return "webhook not created: set githubOrganization to have one created; or " + byHand;
        GithubClient client = integration.client(installation, settings);
        try {
            GithubClient.ListPage hooks = client.list(GithubClient.paged("/orgs/" + org + "/hooks"), null);
            if (hooks != null) {
                for (JsonNode hook : hooks.items()) {
                    if (url.equals(hook.path("config").path("url").asText())) {
                        return "webhook of organization " + org + " to " + url + " exists already (id " + hook.path("id").asText() + "); kept";
                    }
                }
            }
            JsonNode created = client.post("/orgs/" + org + "/hooks", body(url, secret));
            if (created == null) return "webhook not created: organization " + org + " was not found; " + byHand;
            return "created the webhook of organization " + org + " to " + url + " (id " + created.path("id").asText() + ")";
        } catch (FetchException e) {
            return "webhook not created, the credentials may not: " + e.getMessage()
                    + " (a classic token needs the admin:org_hook scope; a GitHub App or fine-grained token \"Webhooks\" organization permission: write); "
                    + byHand;
        }
    }

    private static ObjectNode body(String url, String secret) {
        ObjectNode body = Json.object();
        body.put("name", "web").put("active", true);
        var events = body.putArray("events");
        EVENTS.forEach(events::add);
        body.putObject("config").put("url", url).put("content_type", "json").put("secret", secret).put("insecure_ssl", "0");
        return body;
    }
}
