package dev.portolan.catalog.access;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes client secrets for storage: PBKDF2-HMAC-SHA256 with a random salt, stored as
 * {@code pbkdf2$<iterations>$<salt>$<hash>}. Secrets set by hand may be weak, hence a slow hash;
 * the cost is paid once per access-token request, not per API call.
 */
public final class SecretHasher {

    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A hash that no secret matches (its secret was random and is forgotten), to check a secret
     * against when the client id is unknown: the same work as for a known one, so the answer's
     * timing does not tell which client ids exist.
     */
    public static final String DUMMY_HASH = hash(newSecret());

    private SecretHasher() {}

    public static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(secret, salt, ITERATIONS));
    }

    public static boolean matches(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (secret == null || parts.length != 4 || !parts[0].equals("pbkdf2")) return false;
        try {
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(secret, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) { // bad number or Base64, empty salt, iterations < 1
            return false;
        }
    }

    /** A new random secret: 32 bytes, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
