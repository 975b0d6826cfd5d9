package dev.portolan.catalog;

import java.util.regex.Pattern;

/** The identifier rules of the catalog, in one place. */
public final class Identifiers {

    /** Blueprints, properties and relations: ASCII letters, digits, {@code @ _ -}, at most 100. */
    private static final Pattern SCHEMA_IDENTIFIER = Pattern.compile("[A-Za-z0-9@_-]{1,100}");

    /** Entities, as Port allows them: letters of any script, digits and {@code @_.+:\/=-}. */
    private static final Pattern ENTITY_IDENTIFIER = Pattern.compile("[\\p{L}\\p{M}0-9@_.+:\\\\/=-]{1,1000}");

    private Identifiers() {}

    public static boolean isSchemaIdentifier(String value) {
        return value != null && SCHEMA_IDENTIFIER.matcher(value).matches();
    }

    public static boolean isEntityIdentifier(String value) {
        return value != null && !value.equals(".") && !value.equals("..")
                && ENTITY_IDENTIFIER.matcher(value).matches();
    }

    public static String schemaIdentifierRule() {
        return "1 to 100 characters of letters, digits, '@', '_' and '-'";
    }

    public static String entityIdentifierRule() {
        return "1 to 1000 characters of letters, digits and '@_.+:\\/=-', and not '.' or '..'";
    }
}
