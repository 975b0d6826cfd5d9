package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.catalog.entity.EntityKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code next} cursor of a search page: base64url of {@code ["blueprint","identifier"]},
 * the last entity of the page. The next page starts strictly after it (keyset pagination), so
 * concurrent inserts and deletes never cause duplicates or gaps among the remaining rows.
 */
final class SearchCursor {

    private SearchCursor() {}

    static String encode(EntityKey last) {
        ArrayNode json = Json.MAPPER.createArrayNode().add(last.blueprint()).add(last.identifier());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one {@link #encode} made */
    static EntityKey decode(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            JsonNode json = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (json != null && json.isArray() && json.size() == 2 && json.get(0).isTextual() && json.get(1).isTextual()
                    && !RuleValues.unstorable(json)) {
                return new EntityKey(json.get(0).asText(), json.get(1).asText());
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // reported below, with the same message as any other malformed cursor
        }
        throw new IllegalArgumentException("invalid search cursor 'from': '" + abbreviate(cursor)
                + "' is not a cursor returned as 'next' by a previous search");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
