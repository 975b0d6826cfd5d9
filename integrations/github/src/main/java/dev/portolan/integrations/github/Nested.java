package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Pages of pages: for each parent object (an organization, a repository) that {@code parents}
 * gives, the pages of its children. Holds one page of parents and one page of children at a time.
 */
final class Nested implements Pages {

    /** The pages under one parent. */
    @FunctionalInterface
    interface Children {
        Pages of(JsonNode parent) throws FetchException;
    }

    private final Pages parents;
    private final Children children;
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    private Pages current;
    private boolean parentsDone;

    Nested(Pages parents, Children children) {
        this.parents = parents;
        this.children = children;
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        while (true) {
            if (current != null) {
                List<JsonNode> page = current.next();
                if (page != null) return page;
                current = null;
            }
            if (pending.isEmpty()) {
                if (parentsDone) return null;
                List<JsonNode> page = parents.next();
                if (page == null) {
                    parentsDone = true;
                    return null;
                }
                pending.addAll(page);
                continue;
            }
            current = children.of(pending.poll());
        }
    }
}
