package dev.portolan.bench.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.SplittableRandom;

/**
 * GitHub-repository-like objects of about 1 KB, generated from a seed so that the same index
 * gives the same object, and a later <em>generation</em> of the source differs in a known way:
 * 10% of the objects changed, 5% gone and 5% new.
 */
final class SyntheticSource {

    private static final String[] LANGUAGES = {"Java", "Go", "Python", "Rust", "TypeScript", "Kotlin", "Ruby", "C"};

    private final int count;
    private final long seed;
    private final int generation;

    SyntheticSource(int count, long seed, int generation) {
        this.count = count;
        this.seed = seed;
        this.generation = generation;
    }

    /** How many objects this generation has: the same count (5% gone, 5% new). */
    int size() {
        return count;
    }

    /**
     * The object at a position of this generation. In generation 1, positions whose index is
     * 0 mod 20 are replaced by new objects (ids past the original range: 5% gone, 5% new), and
     * positions 1 and 2 mod 20 are changed (10%).
     */
    ObjectNode object(int position) {
        int id = position;
        boolean changed = false;
        if (generation > 0) {
            if (position % 20 == 0) id = count + position; // an object that did not exist before
            else if (position % 20 == 1 || position % 20 == 2) changed = true;
        }
        SplittableRandom random = new SplittableRandom(seed * 31 + id);
        ObjectNode repo = JsonNodeFactory.instance.objectNode();
        repo.put("id", id);
        repo.put("name", "repo-" + id);
        repo.put("full_name", "acme/repo-" + id);
        repo.put("private", random.nextInt(10) == 0);
        repo.put("html_url", "https://github.com/acme/repo-" + id);
        repo.put("description", "Repository " + id + " of the synthetic source. " + "It builds, tests and ships a service. ".repeat(4));
        repo.put("fork", false);
        repo.put("language", LANGUAGES[random.nextInt(LANGUAGES.length)]);
        repo.put("stargazers_count", random.nextInt(5000) + (changed ? 1 : 0));
        repo.put("watchers_count", random.nextInt(300));
        repo.put("open_issues_count", random.nextInt(120));
        repo.put("default_branch", random.nextInt(3) == 0 ? "master" : "main");
        repo.put("archived", random.nextInt(25) == 0);
        repo.put("created_at", "2021-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00Z");
        repo.put("pushed_at", "2024-0" + (1 + random.nextInt(9)) + "-2" + random.nextInt(8) + "T17:30:00Z");
        repo.putArray("topics").add("topic-" + random.nextInt(20)).add("topic-" + random.nextInt(20)).add("backend");
        ObjectNode owner = repo.putObject("owner");
        owner.put("login", "team-" + (id % 50));
        owner.put("type", "Organization");
        owner.put("html_url", "https://github.com/team-" + (id % 50));
        repo.putObject("license").put("key", "apache-2.0").put("name", "Apache License 2.0");
        repo.put("domain", "domain-" + (id % 10));
        return repo;
    }
}
