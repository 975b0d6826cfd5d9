package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The commits reachable from a repository's head: their count and, per author (by
 * {@link RawObjects#login}), the emails, first and last commit time and number of commits. Counted
 * by walking the history once, then kept up to date by walking only new commits. Memory grows
 * with the number of authors; commit bodies are dropped as soon as they are read.
 */
final class History {

    /** One author's commits in one repository. */
    static final class Author {
        final String login;
        String name;
        final TreeSet<String> emails = new TreeSet<>();
        Instant first;
        Instant last;
        long commits;

        Author(String login) {
            this.login = login;
        }

        void add(PersonIdent ident) {
            Instant when = ident.getWhenAsInstant();
            if (last == null || when.isAfter(last)) {
                last = when;
                name = ident.getName(); // the most recent spelling of the name
            }
            if (first == null || when.isBefore(first)) first = when;
            if (!ident.getEmailAddress().isBlank()) emails.add(ident.getEmailAddress());
            commits++;
        }
    }

    private static final String STATE_FILE = "history.json";

    long commitCount;
    final Map<String, Author> authors;

    private History(long commitCount, Map<String, Author> authors) {
        this.commitCount = commitCount;
        this.authors = authors;
    }

    /**
     * The history at the repository's head. Kept in its state folder with the head it was counted
     * at: the same head costs nothing; a head that moved forward (the old head is an ancestor) walks
     * only the new commits; anything else (a force-push) walks everything again.
     */
    static History read(OpenedRepository repository) throws IOException {
        if (repository.head() == null) return new History(0, new LinkedHashMap<>());
        Path file = repository.stateFolder().resolve(STATE_FILE);
        Saved saved = Saved.load(file);
        if (saved != null && saved.head().equals(repository.head().name())) return saved.history();
        History history;
        try (RevWalk walk = new RevWalk(repository.repository())) {
            RevCommit head = walk.parseCommit(repository.head());
            RevCommit previous = saved == null ? null : ancestor(walk, head, saved.head());
            history = previous == null ? new History(0, new LinkedHashMap<>()) : saved.history();
            walk.reset();
            walk.markStart(head);
            if (previous != null) walk.markUninteresting(previous);
            for (RevCommit commit : walk) {
                PersonIdent author = commit.getAuthorIdent();
                history.authors.computeIfAbsent(RawObjects.login(author.getName(), author.getEmailAddress()), Author::new).add(author);
                commit.disposeBody();
                history.commitCount++;
            }
        }
        Saved.save(file, repository.head().name(), history);
        return history;
    }

    /** The commit {@code sha}, when the repository still has it and it is an ancestor of {@code head}; else null. */
    private static RevCommit ancestor(RevWalk walk, RevCommit head, String sha) throws IOException {
        ObjectId id = ObjectId.fromString(sha);
        if (!walk.getObjectReader().has(id)) return null;
        RevCommit old = walk.parseCommit(id);
        return walk.isMergedInto(old, head) ? old : null;
    }

    /** The history as counted at a head, as kept in the state folder. */
    private record Saved(String head, History history) {

        static Saved load(Path file) {
            JsonNode json = StateFile.read(file);
            if (json == null) return null;
            try {
                Map<String, Author> authors = new LinkedHashMap<>();
                for (JsonNode a : json.path("authors")) {
                    Author author = new Author(a.path("login").asText());
                    author.name = a.path("name").asText();
                    a.path("emails").forEach(e -> author.emails.add(e.asText()));
                    author.first = Instant.parse(a.path("first").asText());
                    author.last = Instant.parse(a.path("last").asText());
                    author.commits = a.path("commits").asLong();
                    authors.put(author.login, author);
                }
                return new Saved(json.path("head").asText(), new History(json.path("commits").asLong(), authors));
            } catch (RuntimeException e) {
                return null; // unreadable: count again
            }
        }

        static void save(Path file, String head, History history) throws IOException {
            ObjectNode json = Json.object().put("head", head).put("commits", history.commitCount);
            ArrayNode authors = json.putArray("authors");
            for (Author a : history.authors.values()) {
                ObjectNode author = authors.addObject().put("login", a.login).put("name", a.name)
                        .put("first", a.first.toString()).put("last", a.last.toString()).put("commits", a.commits);
                a.emails.forEach(author.putArray("emails")::add);
            }
            StateFile.write(file, json);
        }
    }

    /** The authors with the most commits first (then by name), at most {@code limit}. */
    List<Author> top(int limit) {
        List<Author> sorted = new ArrayList<>(authors.values());
        sorted.sort(Comparator.comparingLong((Author a) -> -a.commits).thenComparing(a -> a.login));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
