package dev.portolan.sync.spi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One page of raw objects.
 *
 * @param nextCursor what to pass to the next {@link Fetcher#fetch} call, or null when this was the last page
 */
public record Page(List<JsonNode> objects, String nextCursor) {

    public static Page last(List<JsonNode> objects) {
        return new Page(objects, null);
    }

    public boolean isLast() {
        return nextCursor == null;
    }
}
