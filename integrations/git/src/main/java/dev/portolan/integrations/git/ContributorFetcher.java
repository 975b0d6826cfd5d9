package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        if (merged == null) merged = mergeAll().values().iterator();
        List<JsonNode> page = new ArrayList<>();
        while (merged.hasNext() && page.size() < RepositoryObjectsFetcher.PAGE_SIZE) page.add(merged.next());
        return new Page(page, merged.hasNext() ? "more" : null);
    }

    private Map<String, ObjectNode> mergeAll() throws FetchException {
        Map<String, ObjectNode> people = new TreeMap<>();
        String cursor = null;
        do {
            Page page = perRepository.fetch(cursor);
            for (JsonNode object : page.objects()) {
                people.merge(object.path("login").asText(), (ObjectNode) object, ContributorFetcher::merge);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return people;
    }

    private static ObjectNode merge(ObjectNode a, ObjectNode b) {
        TreeSet<String> emails = new TreeSet<>();
        a.path("emails").forEach(e -> emails.add(e.asText()));
        b.path("emails").forEach(e -> emails.add(e.asText()));
        ArrayNode list = a.putArray("emails");
        emails.forEach(list::add);
        if (b.path("first_commit_at").asText().compareTo(a.path("first_commit_at").asText()) < 0) a.set("first_commit_at", b.get("first_commit_at"));
        if (b.path("last_commit_at").asText().compareTo(a.path("last_commit_at").asText()) > 0) {
            a.set("last_commit_at", b.get("last_commit_at"));
            a.set("name", b.get("name"));
        }
        a.put("commits", a.path("commits").asLong() + b.path("commits").asLong());
        TreeSet<String> repositories = new TreeSet<>();
        a.path("repositories").forEach(r -> repositories.add(r.asText()));
        b.path("repositories").forEach(r -> repositories.add(r.asText()));
        ArrayNode repos = a.putArray("repositories");
        repositories.forEach(repos::add);
        return a;
    }
}
