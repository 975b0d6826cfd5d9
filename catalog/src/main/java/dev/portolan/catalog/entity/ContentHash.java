package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The hash of what an entity says (title, icon, team, properties, relations) and who owns it
 * (datasource), independent of key order. Two writes with the same hash are the same write: the
 * second is <em>not changed</em> and costs nothing. Meta fields (times, authors) are left out on
 * purpose: they change on every write and would make every write a change.
 */
public final class ContentHash {

    /** One per thread: looking the algorithm up cost as much as a tenth of a hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private ContentHash() {}

    public static String of(Entity entity) {
        ObjectNode content = Json.object();
        content.put("title", entity.title());
        content.put("icon", entity.icon());
        // An array of texts built by hand: valueToTree would serialize the list and parse it back.
        com.fasterxml.jackson.databind.node.ArrayNode team = content.putArray("team");
        if (entity.team() != null) entity.team().forEach(team::add);
        content.set("properties", entity.properties());
        content.set("relations", entity.relations());
        content.put("datasource", entity.datasource());
        return sha256(Json.canonical(content));
    }

    private static String sha256(String text) {
        MessageDigest sha256 = SHA_256.get(); // digest() leaves it reset for the next text
        byte[] digest = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
