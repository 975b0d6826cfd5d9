package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.FetchReporter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kind reads with: the client, the resource's selector, the mapping's root fields, where
 * notes go, and which organizations to read ({@code githubOrganization}, else every organization
 * the token's user belongs to).
 */
final class Scope {

    final GithubClient client;
    final ObjectNode selector;
    final ObjectNode mappingFields;
    final FetchReporter reporter;
    final Clock clock;
    private final String organization;
    private List<String> organizations;

    Scope(GithubClient client, String organization, ObjectNode selector, ObjectNode mappingFields, FetchReporter reporter, Clock clock) {
        this.client = client;
        this.organization = organization;
        this.selector = selector;
        this.mappingFields = mappingFields;
        this.reporter = reporter;
        this.clock = clock;
    }

    /** The organizations to read, looked up once. */
    List<String> organizations() throws FetchException {
        if (organizations != null) return organizations;
        List<String> logins = new ArrayList<>();
        if (organization != null) {
            logins.add(organization);
        } else {
            ListPages pages = new ListPages(client, "/user/orgs", null, o -> o, reporter, null);
            for (List<JsonNode> page = pages.next(); page != null; page = pages.next()) page.forEach(o -> logins.add(o.path("login").asText()));
            if (logins.isEmpty()) reporter.note("the token's user belongs to no organization; set githubOrganization to read one");
        }
        organizations = List.copyOf(logins);
        return organizations;
    }

    /** A selector field as text, or {@code fallback}. */
    String text(String field, String fallback) {
        JsonNode value = selector.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    boolean flag(String field, boolean fallback) {
        JsonNode value = selector.get(field);
        return value == null || value.isNull() ? fallback : value.asBoolean();
    }

    int number(String field, int fallback) {
        JsonNode value = selector.get(field);
        return value == null || !value.canConvertToInt() ? fallback : value.asInt();
    }

    /** A selector field that is a list of strings (a single string counts as one), or {@code fallback}. */
    List<String> texts(String field, List<String> fallback) {
        JsonNode value = selector.get(field);
        if (value == null || value.isNull()) return fallback;
        if (value.isTextual()) return List.of(value.asText());
        List<String> texts = new ArrayList<>();
        value.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
