package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

import java.util.List;

/**
 * A kind's {@link Pages} as the resync reads them. The pages keep their own place (which
 * organization, repository and list page comes next), so the cursor only says "more".
 */
final class GithubFetcher implements Fetcher {

    private static final String MORE = "more";

    private final String kind;
    private final GithubKinds.Reader reader;
    private final Scope scope;
    private Pages pages;

    GithubFetcher(String kind, GithubKinds.Reader reader, Scope scope) {
        this.kind = kind;
        this.reader = reader;
        this.scope = scope;
    }

    @Override
    public Page fetch(String cursor) throws FetchException {
        try {
            if (pages == null) pages = reader.pages(scope);
            List<JsonNode> page = pages.next();
            return page == null ? Page.last(List.of()) : new Page(page, MORE);
        } catch (FetchException e) {
            throw new FetchException(kind + ": " + e.getMessage(), e.retriable(), e);
        }
    }
}
