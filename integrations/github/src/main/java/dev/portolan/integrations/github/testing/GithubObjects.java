package dev.portolan.integrations.github.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Objects in the shapes GitHub's REST API documents (its OpenAPI examples), trimmed to the fields
 * mappings use, for the fake GitHub. Times are fixed, so that the same object is the same JSON.
 */
public final class GithubObjects {

    public static final String API = "https://api.github.com";
    public static final String CREATED = "2026-01-01T00:00:00Z";

    private GithubObjects() {}

    public static ObjectNode organizationSummary(String login) {
        return Json.object().put("login", login).put("id", 1).put("node_id", "O_kgDOAAAAAQ").put("url", API + "/orgs/" + login)
                .put("repos_url", API + "/orgs/" + login + "/repos").put("avatar_url", "https://avatars.githubusercontent.com/u/1?v=4")
                .put("description", "The " + login + " organization");
    }

    public static ObjectNode organization(String login) {
        return organizationSummary(login).put("name", "Acme Inc.").put("html_url", "https://github.com/" + login)
                .put("type", "Organization").put("created_at", CREATED).put("public_repos", 2);
    }

    public static ObjectNode owner(String login) {
        return Json.object().put("login", login).put("id", 1).put("node_id", "O_kgDOAAAAAQ").put("type", "Organization")
                .put("url", API + "/users/" + login).put("html_url", "https://github.com/" + login).put("site_admin", false);
    }

    public static ObjectNode repository(String base, String org, String name, long id) {
        ObjectNode repo = Json.object().put("id", id).put("node_id", "R_" + id).put("name", name).put("full_name", org + "/" + name)
                .put("private", id % 3 == 0);
        repo.set("owner", owner(org));
        repo.put("html_url", "https://github.com/" + org + "/" + name).put("description", "The " + name + " service")
                .put("fork", false).put("url", API + "/repos/" + org + "/" + name).put("created_at", CREATED)
                .put("updated_at", CREATED).put("pushed_at", CREATED).put("language", "Java").put("archived", false)
                .put("disabled", false).put("visibility", id % 3 == 0 ? "private" : "public").put("default_branch", "main")
                .put("open_issues_count", 0);
        repo.putArray("topics").add("service");
        return repo;
    }

    public static ObjectNode user(String base, String login, long id) {
        return Json.object().put("login", login).put("id", id).put("node_id", "U_" + id)
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4").put("url", API + "/users/" + login)
                .put("html_url", "https://github.com/" + login).put("type", "User").put("site_admin", false);
    }

    public static ObjectNode team(String base, String org, String slug, long id) {
        return Json.object().put("id", id).put("node_id", "T_" + id).put("name", slug.toUpperCase()).put("slug", slug)
                .put("description", "The " + slug + " team").put("privacy", "closed").put("notification_setting", "notifications_enabled")
                .put("permission", "pull").put("url", API + "/organizations/1/team/" + id)
                .put("html_url", "https://github.com/orgs/" + org + "/teams/" + slug).putNull("parent");
    }

    public static ObjectNode pull(ObjectNode repo, int number, String state, String updatedAt) {
        long id = repo.path("id").asLong() * 100_000 + number;
        ObjectNode pull = Json.object().put("url", repo.path("url").asText() + "/pulls/" + number).put("id", id)
                .put("node_id", "PR_" + id).put("html_url", repo.path("html_url").asText() + "/pull/" + number).put("number", number)
                .put("state", state).put("locked", false).put("title", "Change " + number + " of " + repo.path("name").asText());
        pull.set("user", user(API, "dev" + (number % 7), 1000 + number % 7));
        pull.put("body", "Does change " + number).put("created_at", CREATED).put("updated_at", updatedAt)
                .put("closed_at", state.equals("closed") ? updatedAt : null).put("merged_at", state.equals("closed") ? updatedAt : null)
                .put("draft", false);
        pull.putArray("assignees").add(user(API, "dev1", 1001));
        pull.putArray("requested_reviewers").add(user(API, "dev2", 1002));
        pull.putArray("labels");
        ObjectNode head = pull.putObject("head").put("label", "acme:feature-" + number).put("ref", "feature-" + number).put("sha", "a" + number);
        head.set("repo", repo);
        ObjectNode baseRef = pull.putObject("base").put("label", "acme:main").put("ref", "main").put("sha", "b" + number);
        baseRef.set("repo", repo);
        return pull;
    }

    public static ObjectNode issue(ObjectNode repo, int number, String state) {
        long id = repo.path("id").asLong() * 100_000 + 50_000 + number;
        ObjectNode issue = Json.object().put("id", id).put("node_id", "I_" + id).put("url", repo.path("url").asText() + "/issues/" + number)
                .put("repository_url", repo.path("url").asText()).put("html_url", repo.path("html_url").asText() + "/issues/" + number)
                .put("number", number).put("state", state).put("title", "Bug " + number).put("body", "It breaks")
                .put("created_at", CREATED).put("updated_at", CREATED).put("closed_at", state.equals("closed") ? CREATED : null);
        issue.set("user", user(API, "dev3", 1003));
        issue.putArray("labels").add(Json.object().put("id", 1).put("name", "bug").put("color", "f29513"));
        issue.putArray("assignees");
        return issue;
    }

    public static ObjectNode release(long id, String tag) {
        return Json.object().put("id", id).put("tag_name", tag).put("name", "Release " + tag).put("draft", false).put("prerelease", false)
                .put("created_at", CREATED).put("published_at", CREATED).put("html_url", "https://github.com/acme/r/releases/" + tag)
                .put("target_commitish", "main");
    }

    public static ObjectNode tag(String name) {
        ObjectNode tag = Json.object().put("name", name).put("zipball_url", API + "/zip/" + name).put("tarball_url", API + "/tar/" + name)
                .put("node_id", "REF_" + name);
        tag.putObject("commit").put("sha", "c0ffee" + name).put("url", API + "/commits/c0ffee" + name);
        return tag;
    }

    public static ObjectNode branch(String name, boolean protectedBranch) {
        ObjectNode branch = Json.object().put("name", name).put("protected", protectedBranch);
        branch.putObject("commit").put("sha", "5ha" + name).put("url", API + "/commits/5ha" + name);
        return branch;
    }

    public static ObjectNode protection(int approvals) {
        ObjectNode protection = Json.object().put("url", API + "/protection");
        protection.putObject("required_pull_request_reviews").put("required_approving_review_count", approvals)
                .put("dismiss_stale_reviews", true);
        protection.putObject("enforce_admins").put("enabled", true);
        return protection;
    }

    public static ObjectNode workflow(long id, String name) {
        return Json.object().put("id", id).put("node_id", "W_" + id).put("name", name).put("path", ".github/workflows/" + name + ".yml")
                .put("state", "active").put("created_at", CREATED).put("updated_at", CREATED)
                .put("html_url", "https://github.com/acme/r/blob/main/.github/workflows/" + name + ".yml");
    }

    public static ObjectNode run(ObjectNode repo, long id, long workflowId, String status, String conclusion) {
        ObjectNode run = Json.object().put("id", id).put("name", "build").put("node_id", "WFR_" + id).put("head_branch", "main")
                .put("run_number", id % 1000).put("run_attempt", 1).put("event", "push").put("display_title", "Build " + id)
                .put("status", status).put("conclusion", conclusion).put("workflow_id", workflowId)
                .put("html_url", repo.path("html_url").asText() + "/actions/runs/" + id).put("created_at", CREATED)
                .put("updated_at", CREATED).put("run_started_at", CREATED);
        run.set("triggering_actor", user(API, "dev1", 1001));
        run.set("repository", repo);
        return run;
    }

    public static ObjectNode environment(long id, String name) {
        return Json.object().put("id", id).put("node_id", "EN_" + id).put("name", name).put("url", API + "/environments/" + name)
                .put("html_url", "https://github.com/acme/r/deployments/activity_log?environments_filter=" + name)
                .put("created_at", CREATED).put("updated_at", CREATED);
    }

    public static ObjectNode deployment(long id, String environment) {
        ObjectNode deployment = Json.object().put("id", id).put("node_id", "DE_" + id).put("sha", "d3" + id).put("ref", "main")
                .put("task", "deploy").put("environment", environment).put("description", "Deploy " + id)
                .put("created_at", CREATED).put("updated_at", CREATED);
        deployment.set("creator", user(API, "dev1", 1001));
        return deployment;
    }

    public static ObjectNode dependabotAlert(int number, String state, String severity) {
        ObjectNode alert = Json.object().put("number", number).put("state", state)
                .put("html_url", "https://github.com/acme/r/security/dependabot/" + number).put("created_at", CREATED);
        alert.putObject("dependency").put("manifest_path", "pom.xml").putObject("package").put("ecosystem", "maven").put("name", "lib" + number);
        alert.putObject("security_advisory").put("ghsa_id", "GHSA-" + number).put("summary", "A vulnerability").put("severity", severity);
        alert.putObject("security_vulnerability").put("severity", severity);
        return alert;
    }

    public static ObjectNode codeScanningAlert(int number, String state) {
        ObjectNode alert = Json.object().put("number", number).put("state", state).put("created_at", CREATED)
                .put("html_url", "https://github.com/acme/r/security/code-scanning/" + number);
        alert.putObject("rule").put("id", "java/sql-injection").put("severity", "error").put("security_severity_level", "high")
                .put("description", "SQL injection");
        alert.putObject("tool").put("name", "CodeQL");
        return alert;
    }

    public static ObjectNode collaborator(String login, long id, String role) {
        ObjectNode user = user(API, login, id);
        user.put("role_name", role);
        user.putObject("permissions").put("admin", role.equals("admin")).put("push", true).put("pull", true);
        return user;
    }

    public static ObjectNode content(String base, ObjectNode repo, String path, String text) {
        String name = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        String encoded = Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return Json.object().put("type", "file").put("encoding", "base64").put("size", text.length()).put("name", name).put("path", path)
                .put("content", encoded + "\n").put("sha", FakeGithub.sha1(text))
                .put("url", API + "/repos/" + repo.path("full_name").asText() + "/contents/" + path + "?ref=main")
                .put("html_url", repo.path("html_url").asText() + "/blob/main/" + path);
    }
}
