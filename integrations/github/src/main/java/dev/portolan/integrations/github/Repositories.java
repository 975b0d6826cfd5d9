package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;
import java.util.Set;

/**
 * The repositories of every organization in scope, a page at a time, each with
 * {@code __organization} (Port's enrichment). Which ones: {@code repositoryType} from the
 * selector, else the mapping's root field (as Port has it), else {@code all}; the values are those
 * of GitHub's list: all, public, private, forks, sources, member.
 */
final class Repositories implements Pages {

    static final Set<String> TYPES = Set.of("all", "public", "private", "forks", "sources", "member");

    private final Scope scope;
    private final String type;
    private final Enricher then;
    private int organization;
    private ListPages current;

    Repositories(Scope scope, Enricher then) throws FetchException {
        this.scope = scope;
        this.then = then;
        String fromMapping = scope.mappingFields.path("repositoryType").asText("all");
        this.type = scope.text("repositoryType", fromMapping);
        if (!TYPES.contains(type)) {
            throw new FetchException("repositoryType '" + type + "' is not one GitHub knows; use one of: all, public, private, forks, sources, member", false);
        }
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        List<String> organizations = scope.organizations();
        while (true) {
            if (current == null) {
                if (organization >= organizations.size()) return null;
                String org = organizations.get(organization++);
                current = new ListPages(scope.client, "/orgs/" + org + "/repos?type=" + type, null,
                        repo -> then.enrich(withOrganization(repo, org)), scope.reporter,
                        "organization '" + org + "' was not found or is not visible to the credentials; skipped");
            }
            List<JsonNode> page = current.next();
            if (page != null) return page;
            current = null;
        }
    }

    static JsonNode withOrganization(JsonNode object, String org) {
        if (object instanceof ObjectNode o) o.put("__organization", org);
        return object;
    }
}
