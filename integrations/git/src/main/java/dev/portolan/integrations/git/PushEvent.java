package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.WebhookReceiver;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A push notification, read from GitHub's, Gitea's, GitLab's or Bitbucket's push payload or from a
 * plain {@code {"repository": "<name, path or URL>", "branch"?: "..."}}: the names the pushed
 * repository may go by here, and the branch pushed (null when not said).
 *
 * @param ping true for a delivery that only tests the hook (GitHub's and Gitea's {@code ping}): nothing to read
 */
record PushEvent(Set<String> repositoryNames, String branch, boolean ping) {

    static final String NO_REPOSITORY = "the event names no repository: send a GitHub, GitLab, Gitea or Bitbucket push payload,"
            + " or {\"repository\": \"<name, path or URL>\"}";

    /** @throws IllegalArgumentException when the payload names no repository ({@link #NO_REPOSITORY}) */
    static PushEvent read(WebhookReceiver.Headers headers, JsonNode body) {
        if ("ping".equals(headers.get("X-GitHub-Event")) || "ping".equals(headers.get("X-Gitea-Event"))) {
            return new PushEvent(Set.of(), null, true);
        }
        Set<String> names = new LinkedHashSet<>();
        JsonNode repository = body.get("repository");
        if (repository != null && repository.isTextual()) {
            names.add(repository.asText());
        } else if (repository != null && repository.isObject()) {
            add(names, repository, "full_name", "name", "clone_url", "ssh_url", "html_url", "git_http_url", "url", "homepage");
        }
        JsonNode project = body.get("project"); // GitLab
        if (project != null && project.isObject()) {
            add(names, project, "path_with_namespace", "name", "path", "git_http_url", "git_ssh_url", "web_url");
        }
        if (names.isEmpty()) throw new IllegalArgumentException(NO_REPOSITORY);
        return new PushEvent(names, branch(body), false);
    }

    /** For the event log: {@code push to payments (main)}. */
    String describe() {
        if (ping) return "ping";
        return "push to " + repositoryNames.iterator().next() + (branch == null ? "" : " (" + branch + ")");
    }

    private static void add(Set<String> names, JsonNode object, String... fields) {
        for (String field : fields) {
            if (object.path(field).isTextual() && !object.get(field).asText().isBlank()) names.add(object.get(field).asText());
        }
    }

    /** The short branch name: {@code ref} (refs/heads/x), {@code branch}, or Bitbucket's first change. */
    private static String branch(JsonNode body) {
        String ref = body.path("ref").asText(null);
        if (ref == null) ref = body.path("branch").asText(null);
        if (ref == null) {
            JsonNode change = body.path("push").path("changes").path(0).path("new");
            if ("branch".equals(change.path("type").asText())) ref = change.path("name").asText(null);
        }
        if (ref == null) return null;
        if (ref.startsWith("refs/heads/")) return ref.substring("refs/heads/".length());
        return ref.startsWith("refs/") ? "" : ref; // a tag or another ref: no branch
    }
}
