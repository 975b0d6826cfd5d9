package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/** An organization-scoped kind (members, teams): for each organization in scope, its own pages. */
final class EachOrganization implements Pages {

    @FunctionalInterface
    interface PerOrganization {
        Pages pages(String organization) throws FetchException;
    }

    private final Scope scope;
    private final PerOrganization perOrganization;
    private int index;
    private Pages current;

    EachOrganization(Scope scope, PerOrganization perOrganization) {
        this.scope = scope;
        this.perOrganization = perOrganization;
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        while (true) {
            if (current != null) {
                List<JsonNode> page = current.next();
                if (page != null) return page;
                current = null;
            }
            List<String> organizations = scope.organizations();
            if (index >= organizations.size()) return null;
            current = perOrganization.pages(organizations.get(index++));
        }
    }

    /** An organization's list at {@code /orgs/{org}{suffix}}, each object with {@code __organization}. */
    static ListPages list(Scope scope, String organization, String suffix, Pages.Enricher then) {
        return new ListPages(scope.client, "/orgs/" + organization + suffix, null,
                object -> then.enrich(Repositories.withOrganization(object, organization)), scope.reporter,
                "organization '" + organization + "' answered 404 for " + suffix + "; skipped");
    }
}
