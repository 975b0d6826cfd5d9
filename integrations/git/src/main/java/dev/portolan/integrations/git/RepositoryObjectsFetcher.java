package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fetches one kind from every repository in scope, page by page. Per repository: open it (fetching
 * a remote), and unless the cache holds this kind at the same head, read it into the cache; then
 * stream the cache. Memory holds one page. A repository that cannot be read is skipped and the
 * others are read; once all are done the fetch fails with every reason, so the resync deletes
 * nothing. Stateful (its position), like every fetcher: one per resource per resync.
 */
final class RepositoryObjectsFetcher implements Fetcher {

    static final int PAGE_SIZE = 500;

    private final String kind;
    private final KindReader reader;
    private final GitSources sources;
    private final ReadRequest request;
    private final Scope scope;
    private final ReadObserver observer;
    private final BooleanSupplier cancelled;
    private final List<String> failures = new ArrayList<>();
    private boolean failuresRetriable = true;
    private List<RepositoryLocation> repositories;
    private int next;
    private BufferedReader current;

    RepositoryObjectsFetcher(String kind, KindReader reader, GitSources sources, ReadRequest request, Scope scope,
                             ReadObserver observer, BooleanSupplier cancelled) {
        this.kind = kind;
        this.reader = reader;
        this.sources = sources;
        this.request = request;
        this.scope = scope;
        this.observer = observer;
        this.cancelled = cancelled;
    }

    @Override
    public Page fetch(String cursor) throws FetchException {
        if (repositories == null) repositories = sources.list().stream().filter(scope.includes()).toList();
        List<JsonNode> objects = new ArrayList<>();
        try {
            while (objects.size() < PAGE_SIZE) {
                if (current == null && !openNext()) break;
                String line = current.readLine();
                if (line == null) {
                    closeCurrent();
                } else {
                    objects.add(Json.parse(line));
                }
            }
        } catch (IOException e) {
            closeCurrent();
            throw new FetchException("cannot read the cached " + kind + " objects: " + e.getMessage()
                    + ". Tip: delete the installation's cache folder; the next resync reads the repositories again", true, e);
        }
        boolean more = current != null || next < repositories.size();
        if (!more && !failures.isEmpty()) {
            if (!objects.isEmpty()) return new Page(objects, "failures"); // hand over what was read; fail on the next call
            throw failed();
        }
        return new Page(objects, more ? Integer.toString(next) : null);
    }

    /** Opens the cache of the next readable repository; false when none is left. */
    private boolean openNext() throws IOException {
        while (next < repositories.size()) {
            if (cancelled.getAsBoolean()) return false;
            RepositoryLocation location = repositories.get(next++);
            try (OpenedRepository repository = sources.open(location, scope.fetchNow().test(location))) {
                Path file = ObjectCache.file(repository, request.cacheKey(kind));
                current = ObjectCache.openIfHolds(file, repository.headName());
                if (current == null) {
                    observer.read(kind, location.fullName());
                    ObjectCache.write(file, repository.headName(), sink -> reader.read(repository, request, sink));
                    current = ObjectCache.openIfHolds(file, repository.headName());
                    if (current == null) throw new IOException("the cache file " + file + " cannot be read back");
                }
                return true;
            } catch (FetchException e) {
                failures.add(e.getMessage());
                failuresRetriable &= e.retriable();
            } catch (IOException | RuntimeException e) {
                failuresRetriable = false;
                failures.add("cannot read " + location.location() + ": " + e
                        + ". Tip: check that the repository is not corrupt (git fsck)");
            }
        }
        return false;
    }

    private FetchException failed() {
        boolean all = failures.size() == repositories.size();
        return new FetchException((all ? "" : failures.size() + " of " + repositories.size() + " repositories could not be read"
                + " (the others were; nothing is deleted until all can be): ") + String.join(" | ", failures), failuresRetriable);
    }

    private void closeCurrent() {
        if (current == null) return;
        try {
            current.close();
        } catch (IOException ignored) {
            // read-only file: nothing to lose
        }
        current = null;
    }
}
