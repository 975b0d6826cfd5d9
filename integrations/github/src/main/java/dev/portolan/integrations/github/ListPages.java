package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.FetchReporter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One GitHub list, page after page through its {@code Link} header, each object passed through an
 * {@link Pages.Enricher}. Optionally stops after {@code limit} objects or at the first object
 * {@code stopAt} accepts (lists sorted newest first). A list that answers 404 (its repository was
 * deleted since it was listed) ends empty, with a note.
 */
final class ListPages implements Pages {

    private final GithubClient client;
    private final String itemsKey;
    private final Enricher enricher;
    private final FetchReporter reporter;
    private final String missing;
    private String url;
    private int limit = Integer.MAX_VALUE;
    private Predicate<JsonNode> keep = object -> true;
    private Predicate<JsonNode> stopAt = object -> false;
    private int taken;

    /**
     * @param missing what to note when the list answers 404 (null: nothing)
     */
    ListPages(GithubClient client, String path, String itemsKey, Enricher enricher, FetchReporter reporter, String missing) {
        this.client = client;
        this.url = GithubClient.paged(path);
        this.itemsKey = itemsKey;
        this.enricher = enricher;
        this.reporter = reporter;
        this.missing = missing;
    }

    ListPages limit(int limit) {
        this.limit = limit;
        return this;
    }

    ListPages keep(Predicate<JsonNode> keep) {
        this.keep = keep;
        return this;
    }

    ListPages stopAt(Predicate<JsonNode> stopAt) {
        this.stopAt = stopAt;
        return this;
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        if (url == null) return null;
        GithubClient.ListPage page = client.list(url, itemsKey);
        if (page == null) {
            url = null;
            if (missing != null) reporter.note(missing);
            return List.of();
        }
        url = page.next();
        List<JsonNode> objects = new ArrayList<>(page.items().size());
        for (JsonNode item : page.items()) {
            if (taken >= limit || stopAt.test(item)) {
                url = null;
                break;
            }
            if (!keep.test(item)) continue;
            taken++;
            JsonNode enriched = enricher.enrich(item);
            if (enriched != null) objects.add(enriched);
        }
        return objects;
    }
}
