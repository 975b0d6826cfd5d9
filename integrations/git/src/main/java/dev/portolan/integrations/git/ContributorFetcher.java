package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code contributor} kind: one object per person across all repositories (same
 * {@code login}), merging emails, first and last commit times, commit counts and repositories.
 * Holds one entry per person, never per commit.
 */
final class ContributorFetcher implements Fetcher {

    private final Fetcher perRepository;
    private Iterator<ObjectNode> merged;

    ContributorFetcher(Fetcher perRepository) {
        this.perRepository = perRepository;
    }

    @Override
    public Page fetch(String cursor) throws FetchException {
        if (merged == null) merged = mergeAll().values().stream().map(Person::toJson).iterator();
        List<JsonNode> page = new ArrayList<>();
        while (merged.hasNext() && page.size() < RepositoryObjectsFetcher.PAGE_SIZE) page.add(merged.next());
        return new Page(page, merged.hasNext() ? "more" : null);
    }

    private Map<String, Person> mergeAll() throws FetchException {
        Map<String, Person> people = new TreeMap<>();
        String cursor = null;
        do {
            Page page = perRepository.fetch(cursor);
            for (JsonNode object : page.objects()) {
                people.computeIfAbsent(object.path("login").asText(), Person::new).add(object);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return people;
    }

    /**
     * One person's commits across repositories, added up as each repository's object comes: sets,
     * not JSON arrays rebuilt at every repository (someone in 500 repositories is merged 500 times).
     */
    private static final class Person {
        private final String login;
        private final TreeSet<String> emails = new TreeSet<>();
        private final TreeSet<String> repositories = new TreeSet<>();
        private JsonNode name;
        private JsonNode first;
        private JsonNode last;
        private long commits;

        Person(String login) {
            this.login = login;
        }

        void add(JsonNode object) {
            object.path("emails").forEach(e -> emails.add(e.asText()));
            object.path("repositories").forEach(r -> repositories.add(r.asText()));
            JsonNode firstAt = object.get("first_commit_at");
            JsonNode lastAt = object.get("last_commit_at");
            if (first == null || firstAt.asText().compareTo(first.asText()) < 0) first = firstAt;
            if (last == null || lastAt.asText().compareTo(last.asText()) > 0) {
                last = lastAt;
                name = object.get("name"); // the spelling of the most recent commit
            }
            commits += object.path("commits").asLong();
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("login", login);
            json.set("name", name);
            ArrayNode emailList = json.putArray("emails");
            emails.forEach(emailList::add);
            json.set("first_commit_at", first);
            json.set("last_commit_at", last);
            json.put("commits", commits);
            ArrayNode repositoryList = json.putArray("repositories");
            repositories.forEach(repositoryList::add);
            return json;
        }
    }
}
