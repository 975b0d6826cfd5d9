package dev.portolan.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Blueprint and property identifiers in SQL text. User values are always bound; identifiers are
 * written into SQL only where the database needs a literal (partial index predicates and the
 * JSON paths of expression indexes, which a bound parameter would not match) and only after they
 * match the catalog's identifier rule, which admits no quote, backslash or space.
 */
final class Identifiers {

    /** The catalog's rule for blueprint, property and relation identifiers. */
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9@_-]{1,100}");

    private Identifiers() {}

    static boolean isValid(String identifier) {
        return identifier != null && PATTERN.matcher(identifier).matches();
    }

    /** {@code 'identifier'}, after checking the identifier rule. */
    static String literal(String identifier) {
        return "'" + checked(identifier) + "'";
    }

    static String checked(String identifier) {
        if (!isValid(identifier)) {
            throw new IllegalArgumentException("'" + identifier + "' is not a valid identifier: "
                    + "1 to 100 letters, digits, '_', '-' or '@'");
        }
        return identifier;
    }

    /** A short database object name derived from a hash, so any identifier gives a valid, unique name. */
    static String objectName(String prefix, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return prefix + HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
