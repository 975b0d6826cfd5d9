package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.LiveChange;
import dev.portolan.sync.spi.WebhookReceiver;

import java.util.List;

/**
 * GitHub webhook deliveries as live events: authenticated by {@code X-Hub-Signature-256} with the
 * installation's {@code webhookSecret}, de-duplicated by {@code X-GitHub-Delivery}, and turned into
 * the raw objects of each kind, in the shape a resync fetches them (the payload's object enriched,
 * or the object re-read from GitHub where the payload's differs from the REST one), so that one
 * mapping gives the same entities either way. Objects the resource's selector would not fetch
 * (a closed pull request when only open ones are synced, ...) are deleted.
 */
final class GithubWebhooks implements WebhookReceiver {

    private final GithubIntegration integration;

    GithubWebhooks(GithubIntegration integration) {
        this.integration = integration;
    }

    @Override
    public boolean authentic(Settings settings, Headers headers, byte[] body) {
        return WebhookSignature.matches(settings.string(GithubSettings.WEBHOOK_SECRET), headers.get("X-Hub-Signature-256"), body);
    }

    @Override
    public String deliveryId(Headers headers) {
        return headers.get("X-GitHub-Delivery");
    }

    @Override
    public String describe(Headers headers, JsonNode payload) {
        String event = headers.get("X-GitHub-Event");
        String action = payload.path("action").asText("");
        return (event == null ? "(no X-GitHub-Event)" : event) + (action.isEmpty() ? "" : "." + action);
    }

    @Override
    public LiveChange changes(String kind, FetchContext context, Headers headers, JsonNode payload) throws FetchException {
        String event = headers.get("X-GitHub-Event");
        if (event == null) return LiveChange.NONE;
        JsonNode repo = payload.get("repository");
        String action = payload.path("action").asText("");
        Scope scope = integration.scope(context);
        return switch (kind + " " + event) {
            case "repository repository" -> repository(scope, repo, action);
            case "repository push" -> repository(scope, repo, "pushed");
            case "pull-request pull_request" -> selected(scope.texts("states", List.of(scope.text("state", "open")))
                    .contains(payload.path("pull_request").path("state").asText()), enriched(payload.get("pull_request"), repo));
            case "issue issues" -> action.equals("deleted") ? LiveChange.delete(enriched(payload.get("issue"), repo))
                    : selected(stateMatches(scope.text("state", "open"), payload.path("issue").path("state").asText()), enriched(payload.get("issue"), repo));
            case "workflow-run workflow_run" -> LiveChange.upsert(enriched(payload.get("workflow_run"), repo));
            case "workflow-run workflow_job" -> refetched(scope, EachRepository.path(repo) + "/actions/runs/" + payload.path("workflow_job").path("run_id").asText(), repo);
            case "release release" -> action.equals("deleted") ? LiveChange.delete(enriched(payload.get("release"), repo))
                    : LiveChange.upsert(enriched(payload.get("release"), repo));
            case "branch create", "branch delete" -> ref(scope, payload, repo, "branch", event);
            case "tag create", "tag delete" -> ref(scope, payload, repo, "tag", event);
            case "team team" -> team(scope, payload, action);
            case "team membership" -> team(scope, payload, "edited");
            case "collaborator member" -> action.equals("removed") ? LiveChange.delete(enriched(payload.get("member"), repo))
                    : LiveChange.upsert(enriched(payload.get("member"), repo));
            case "dependabot-alert dependabot_alert" -> selected(scope.texts("states", List.of("open"))
                    .contains(payload.path("alert").path("state").asText()), enriched(payload.get("alert"), repo));
            case "code-scanning-alerts code_scanning_alert" -> selected(scope.texts("states", List.of(scope.text("state", "open")))
                    .contains(payload.path("alert").path("state").asText()), enriched(payload.get("alert"), repo));
            case "file push", "folder push" -> pushed(scope, kind, payload, repo);
            default -> LiveChange.NONE;
        };
    }

    private static boolean stateMatches(String wanted, String state) {
        return wanted.equals("all") || wanted.equals(state);
    }

    /** Upserted when the selector would fetch it, else deleted. */
    private static LiveChange selected(boolean kept, JsonNode object) {
        if (object == null) return LiveChange.NONE;
        return kept ? LiveChange.upsert(object) : LiveChange.delete(object);
    }

    private static JsonNode enriched(JsonNode object, JsonNode repo) {
        if (object == null || repo == null) return object;
        return EachRepository.enriched(object.deepCopy(), repo);
    }

    /** A repository re-read (the payload's lacks fields the REST one has), enriched as the resync enriches it. */
    private LiveChange repository(Scope scope, JsonNode repo, String action) throws FetchException {
        if (repo == null) return LiveChange.NONE;
        String org = repo.path("owner").path("login").asText();
        if (action.equals("deleted")) return LiveChange.delete(Repositories.withOrganization(repo.deepCopy(), org));
        JsonNode current = scope.client.get("/repos/" + repo.path("full_name").asText());
        if (current == null) return LiveChange.delete(Repositories.withOrganization(repo.deepCopy(), org));
        return LiveChange.upsert(new IncludedFiles(scope).enrich(Repositories.withOrganization(current, org)));
    }

    private static LiveChange refetched(Scope scope, String path, JsonNode repo) throws FetchException {
        JsonNode object = scope.client.get(path);
        return object == null ? LiveChange.NONE : LiveChange.upsert(EachRepository.enriched(object, repo));
    }

    /** A branch or tag created (re-read) or deleted (its name is all a deletion needs). */
    private LiveChange ref(Scope scope, JsonNode payload, JsonNode repo, String type, String event) throws FetchException {
        if (!type.equals(payload.path("ref_type").asText()) || repo == null) return LiveChange.NONE;
        String name = payload.path("ref").asText();
        if (event.equals("delete")) {
            ObjectNode gone = Json.object();
            gone.put("name", name);
            return LiveChange.delete(EachRepository.enriched(gone, repo));
        }
        if (type.equals("branch")) {
            JsonNode branch = scope.client.get(EachRepository.path(repo) + "/branches/" + name);
            if (branch == null) return LiveChange.NONE;
            if (scope.flag("protectionRules", false)) {
                ((ObjectNode) branch).set("__protectionRules", branch.path("protected").asBoolean()
                        ? scope.client.get(EachRepository.path(repo) + "/branches/" + name + "/protection") : null);
            }
            return LiveChange.upsert(EachRepository.enriched(branch, repo));
        }
        ListPages tags = EachRepository.list(scope, repo, "/tags", null);
        for (List<JsonNode> page = tags.next(); page != null; page = tags.next()) {
            for (JsonNode tag : page) if (name.equals(tag.path("name").asText())) return LiveChange.upsert(tag);
        }
        return LiveChange.NONE;
    }

    private LiveChange team(Scope scope, JsonNode payload, String action) throws FetchException {
        JsonNode team = payload.get("team");
        String org = payload.path("organization").path("login").asText();
        if (team == null || org.isEmpty()) return LiveChange.NONE;
        if (action.equals("deleted")) return LiveChange.delete(Repositories.withOrganization(team.deepCopy(), org));
        JsonNode current = scope.client.get("/orgs/" + org + "/teams/" + team.path("slug").asText());
        if (current == null) return LiveChange.delete(Repositories.withOrganization(team.deepCopy(), org));
        Repositories.withOrganization(current, org);
        return LiveChange.upsert(scope.flag("members", true) ? Teams.withMembers(scope, org, current) : current);
    }

    /** A push re-reads the matching files or folders of the pushed repository (its default branch, or the branch the selector names). */
    private LiveChange pushed(Scope scope, String kind, JsonNode payload, JsonNode repo) throws FetchException {
        if (repo == null) return LiveChange.NONE;
        JsonNode current = scope.client.get("/repos/" + repo.path("full_name").asText());
        if (current == null) return LiveChange.NONE;
        Repositories.withOrganization(current, repo.path("owner").path("login").asText());
        String pushedBranch = payload.path("ref").asText().replaceFirst("^refs/heads/", "");
        List<JsonNode> objects = kind.equals("file") ? Files.forPush(scope, current, pushedBranch) : Folders.forPush(scope, current, pushedBranch);
        return new LiveChange(objects, List.of());
    }
}
