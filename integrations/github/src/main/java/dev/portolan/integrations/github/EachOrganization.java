package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/** Organization-scoped kinds (members, teams): for each organization in scope, its own pages. */
final class EachOrganization {

    /** The pages of one organization. */
    @FunctionalInterface
    interface PerOrganization {
        Pages pages(String organization) throws FetchException;
    }

    private EachOrganization() {}

    static Pages of(Scope scope, PerOrganization perOrganization) {
        Pages logins = new Pages() {
            private boolean done;

            @Override
            public List<JsonNode> next() throws FetchException {
                if (done) return null;
                done = true;
                return scope.organizations().stream().<JsonNode>map(TextNode::valueOf).toList();
            }
        };
        return new Nested(logins, login -> perOrganization.pages(login.asText()));
    }

    /** An organization's list at {@code /orgs/{org}{suffix}}, each object with {@code __organization}. */
    static ListPages list(Scope scope, String organization, String suffix, Pages.Enricher then) {
        return new ListPages(scope.client, "/orgs/" + organization + suffix, null,
                object -> then.enrich(Repositories.withOrganization(object, organization)), scope.reporter,
                "organization '" + organization + "' answered 404 for " + suffix + "; skipped");
    }
}
