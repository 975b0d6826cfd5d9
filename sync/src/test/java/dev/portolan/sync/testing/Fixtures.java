package dev.portolan.sync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.util.ArrayList;
import java.util.List;

/** Blueprints, mappings and raw objects the sync tests share. */
public final class Fixtures {

    private Fixtures() {}

    /** A team: the target of services' optional {@code team} relation. */
    public static final String TEAM = """
            {"identifier": "team", "title": "Team", "schema": {"properties": {"size": {"type": "number"}}}}""";

    /** A service: a url (format url), stars (a number), a language; an optional relation to a team. */
    public static final String SERVICE = """
            {"identifier": "service", "title": "Service",
             "schema": {"properties": {"url": {"type": "string", "format": "url"}, "stars": {"type": "number"},
                                       "language": {"type": "string"}}},
             "relations": {"team": {"title": "Team", "target": "team", "required": false, "many": false}}}""";

    /** Repositories fetched as kind {@code repository} become services. */
    public static final String REPOSITORY_MAPPING = """
            resources:
              - kind: repository
                selector:
                  query: 'true'
                port:
                  entity:
                    mappings:
                      identifier: .name
                      title: .name
                      blueprint: '"service"'
                      properties:
                        url: .url
                        stars: .stars
            """;

    /** A raw repository: {@code {name, url, stars, archived: false}}. */
    public static ObjectNode repo(String name) {
        return repo(name, 1);
    }

    public static ObjectNode repo(String name, int stars) {
        ObjectNode repo = Json.object();
        repo.put("name", name).put("url", "https://git.example.com/" + name).put("stars", stars).put("archived", false);
        return repo;
    }

    /** Repositories named {@code prefix0 .. prefix(n-1)}. */
    public static List<JsonNode> repos(String prefix, int n) {
        List<JsonNode> repos = new ArrayList<>();
        for (int i = 0; i < n; i++) repos.add(repo(prefix + i));
        return repos;
    }

    /** A script serving these objects, {@code pageSize} per page. */
    public static KindScript pages(int pageSize, List<? extends JsonNode> objects) {
        return KindScript.of(pageSize, objects);
    }

    public static KindScript pages(int pageSize, JsonNode... objects) {
        return KindScript.of(pageSize, List.of(objects));
    }
}
