package dev.portolan.catalog.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256 with one secret key: what access tokens and browser sessions are signed with.
 * Thread-safe (a {@link Mac} per call).
 */
public final class Hmac {

    private final byte[] key;

    public Hmac(byte[] key) {
        this.key = key.clone();
    }

    public byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code input}, compared in constant time. */
    public boolean verify(String input, byte[] signature) {
        return MessageDigest.isEqual(signature, sign(input));
    }
}
