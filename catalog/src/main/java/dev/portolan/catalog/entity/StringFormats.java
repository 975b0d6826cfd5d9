package dev.portolan.catalog.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The string formats of Port's property types. Formats that are free text always match. */
final class StringFormats {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern ASCII_EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private StringFormats() {}

    static boolean matches(String format, String text) {
        return switch (format) {
            case "date-time", "timer" -> isDateTime(text);
            case "url" -> isUrl(text);
            case "email", "user" -> ASCII_EMAIL.matcher(text).matches();
            case "idn-email" -> EMAIL.matcher(text).matches();
            case "ipv4" -> IPV4.matcher(text).matches();
            case "ipv6" -> isIpv6(text);
            default -> true; // markdown, yaml, team, proto, blueprints, labeled-url: free text
        };
    }

    static String describe(String format) {
        return switch (format) {
            case "date-time", "timer" -> "an ISO 8601 date-time such as 2024-05-01T12:00:00Z";
            case "url" -> "an absolute URL such as https://example.com/x";
            case "email", "user" -> "an e-mail address";
            case "idn-email" -> "an e-mail address";
            case "ipv4" -> "an IPv4 address such as 10.0.0.1";
            case "ipv6" -> "an IPv6 address such as ::1";
            default -> format;
        };
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme() != null
                    && (uri.getHost() != null || uri.getSchemeSpecificPart() != null && !uri.getSchemeSpecificPart().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) return false;
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) return false;
        int groups = 0;
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) continue; // part of "::", or a leading/trailing colon of it
            if (i == parts.length - 1 && part.contains(".")) {
                if (!IPV4.matcher(part).matches()) return false;
                groups += 2;
            } else if (part.length() > 4 || part.contains(".")) {
                return false;
            } else {
                groups++;
            }
        }
        boolean strayColon = (text.startsWith(":") && !text.startsWith("::")) || (text.endsWith(":") && !text.endsWith("::"));
        return !strayColon && (doubleColon >= 0 ? groups < 8 : groups == 8);
    }
}
