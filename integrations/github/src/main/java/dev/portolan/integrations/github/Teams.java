package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/**
 * The {@code team} kind: each team of each organization, with {@code __organization}; with the
 * selector's {@code members} (default true, as in Port) its members under {@code members.nodes},
 * the shape Port's mappings read ({@code .members.nodes[].login}).
 */
final class Teams {

    private Teams() {}

    static Pages pages(Scope scope) {
        boolean members = scope.flag("members", true);
        return EachOrganization.of(scope, org -> EachOrganization.list(scope, org, "/teams",
                team -> members ? withMembers(scope, org, team) : team));
    }

    static JsonNode withMembers(Scope scope, String org, JsonNode team) throws FetchException {
        ArrayNode nodes = ((ObjectNode) team).putObject("members").putArray("nodes");
        ListPages pages = new ListPages(scope.client, "/orgs/" + org + "/teams/" + team.path("slug").asText() + "/members", null,
                member -> member, scope.reporter, null);
        for (List<JsonNode> page = pages.next(); page != null; page = pages.next()) page.forEach(nodes::add);
        return team;
    }
}
