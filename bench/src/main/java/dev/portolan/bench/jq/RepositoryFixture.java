package dev.portolan.bench.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * GitHub-repository-like objects and the mapping that turns one into a Portolan entity, shared
 * by the engine benchmark and the whole-process comparison so both measure the same work.
 */
public final class RepositoryFixture {
    /** A typical integration mapping: identifier, title, blueprint, properties and a relation. */
    public static final String MAPPING = String.join(" ",
            "{identifier: .name, title: .name, blueprint: \"service\",",
            " properties: {url: .html_url, description: .description, language: .language,",
            " stars: .stargazers_count, archived: .archived, defaultBranch: .default_branch,",
            " owner: .owner.login, topics: .topics, license: .license.spdx_id, lastPush: .pushed_at,",
            " visibility: .visibility,",
            " readme: (\"https://github.com/\" + .full_name + \"/blob/\" + .default_branch + \"/README.md\")},",
            " relations: {team: .owner.login}}");

    private static final String[] LANGUAGES = {"Java", "Go", "Python", "TypeScript", "Rust", null};

    private RepositoryFixture() {
    }

    /** The {@code index}-th repository; the same index always gives the same object. */
    public static ObjectNode repository(int index) {
        Random random = new Random(index);
        JsonNodeFactory f = JsonNodeFactory.instance;
        String owner = "org-" + (index % 97);
        String name = "repo-" + index;
        ObjectNode repo = f.objectNode();
        repo.put("id", 100_000 + index);
        repo.put("node_id", "R_kgDO" + Integer.toHexString(index * 31));
        repo.put("name", name);
        repo.put("full_name", owner + "/" + name);
        repo.put("private", random.nextBoolean());
        ObjectNode ownerNode = repo.putObject("owner");
        ownerNode.put("login", owner);
        ownerNode.put("id", 5000 + index % 97);
        ownerNode.put("type", "Organization");
        ownerNode.put("site_admin", false);
        ownerNode.put("html_url", "https://github.com/" + owner);
        repo.put("html_url", "https://github.com/" + owner + "/" + name);
        repo.put("description", "Service number " + index + " of the example catalog");
        repo.put("fork", random.nextInt(10) == 0);
        repo.put("url", "https://api.github.com/repos/" + owner + "/" + name);
        repo.put("created_at", "2019-0" + (1 + index % 9) + "-12T10:11:12Z");
        repo.put("updated_at", "2024-05-0" + (1 + index % 9) + "T08:00:00Z");
        repo.put("pushed_at", "2024-05-0" + (1 + index % 9) + "T09:30:00Z");
        repo.put("homepage", index % 3 == 0 ? null : "https://" + name + ".example.com");
        repo.put("size", random.nextInt(100_000));
        repo.put("stargazers_count", random.nextInt(5000));
        repo.put("watchers_count", random.nextInt(5000));
        repo.put("language", LANGUAGES[index % LANGUAGES.length]);
        repo.put("has_issues", true);
        repo.put("forks_count", random.nextInt(300));
        repo.put("archived", index % 11 == 0);
        repo.put("disabled", false);
        repo.put("open_issues_count", random.nextInt(80));
        ObjectNode license = repo.putObject("license");
        license.put("key", "apache-2.0");
        license.put("name", "Apache License 2.0");
        license.put("spdx_id", "Apache-2.0");
        repo.putArray("topics").add("catalog").add("team-" + index % 7).add("tier-" + index % 3);
        repo.put("visibility", "internal");
        repo.put("default_branch", index % 5 == 0 ? "master" : "main");
        return repo;
    }

    public static JsonNode[] repositories(int count) {
        JsonNode[] all = new JsonNode[count];
        for (int i = 0; i < count; i++) {
            all[i] = repository(i);
        }
        return all;
    }
}
