package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/** The {@code organization} kind: each organization in scope as {@code GET /orgs/{org}} returns it. */
final class Organizations implements Pages {

    private final Scope scope;
    private int index;

    Organizations(Scope scope) {
        this.scope = scope;
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        List<String> organizations = scope.organizations();
        if (index >= organizations.size()) return null;
        String login = organizations.get(index++);
        JsonNode organization = scope.client.get("/orgs/" + login);
        if (organization == null) {
            scope.reporter.note("organization '" + login + "' was not found or is not visible to the credentials; skipped");
            return List.of();
        }
        return List.of(organization);
    }
}
