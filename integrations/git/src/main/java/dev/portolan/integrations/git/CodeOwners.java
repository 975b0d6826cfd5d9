package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.catalog.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CODEOWNERS file, parsed: each rule's pattern and owners, in file order (GitHub's and GitLab's
 * format; GitLab's {@code [Section]} headers are skipped). The repository's owners are those of the
 * last rule that covers everything ({@code *}, {@code /}, {@code /*}, {@code **}), as the last
 * matching rule wins.
 */
record CodeOwners(List<Rule> rules) {

    /** Where GitHub and GitLab look for the file, in their order. */
    static final String[] LOCATIONS = {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"};

    record Rule(String pattern, List<String> owners) {}

    static CodeOwners parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int comment = line.indexOf(" #");
            if (comment >= 0) line = line.substring(0, comment).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[") || line.startsWith("^[")) continue;
            String[] parts = line.split("\\s+");
            rules.add(new Rule(parts[0], List.copyOf(Arrays.asList(parts).subList(1, parts.length))));
        }
        return new CodeOwners(rules);
    }

    List<String> repositoryOwners() {
        List<String> owners = List.of();
        for (Rule rule : rules) {
            if (List.of("*", "/", "/*", "**", "/**").contains(rule.pattern())) owners = rule.owners();
        }
        return owners;
    }

    ArrayNode toJson() {
        ArrayNode json = Json.array();
        for (Rule rule : rules) {
            ArrayNode owners = json.addObject().put("pattern", rule.pattern()).putArray("owners");
            rule.owners().forEach(owners::add);
        }
        return json;
    }
}
