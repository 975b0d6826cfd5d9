package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/**
 * Raw objects of one kind, read lazily a page at a time, so that a fetch holds one page of GitHub's
 * answer and never a whole organization. Not thread-safe.
 */
interface Pages {

    /** The next page (maybe empty, e.g. a repository without any), or null when there are no more. */
    List<JsonNode> next() throws FetchException;

    /** Turns one raw object into what the mapping sees (enriched, or re-read); null drops it. */
    @FunctionalInterface
    interface Enricher {
        JsonNode enrich(JsonNode object) throws FetchException;
    }

    /** Pages from a list of objects already read (one object, or none). */
    static Pages of(List<JsonNode> objects) {
        return new Pages() {
            private boolean done;

            @Override
            public List<JsonNode> next() {
                if (done) return null;
                done = true;
                return objects;
            }
        };
    }
}
