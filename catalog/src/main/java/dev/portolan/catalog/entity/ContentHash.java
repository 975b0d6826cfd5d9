package dev.portolan.catalog.entity;

import dev.portolan.catalog.json.CanonicalJson;

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
    /** One per thread, its buffers kept: a resync hashes every entity it produces. */
    private static final ThreadLocal<CanonicalJson> TEXT = ThreadLocal.withInitial(CanonicalJson::new);

    private ContentHash() {}

    /**
     * SHA-256 of the canonical JSON of {@code {datasource, icon, properties, relations, team, title}}
     * (its keys in sorted order), as URL-safe Base64 without padding.
     */
    public static String of(Entity entity) {
        CanonicalJson text = TEXT.get().reset().startObject();
        text.key("datasource").string(entity.datasource());
        text.key("icon").string(entity.icon());
        text.key("properties").value(entity.properties());
        text.key("relations").value(entity.relations());
        text.key("team").startArray();
        if (entity.team() != null) entity.team().forEach(text::string);
        text.endArray();
        text.key("title").string(entity.title());
        text.endObject();
        MessageDigest sha256 = SHA_256.get();
        text.digestInto(sha256);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()); // digest() resets it
    }
}
