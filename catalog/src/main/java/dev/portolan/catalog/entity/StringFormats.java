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

    /**
     * What {@link OffsetDateTime#parse} accepts (ISO 8601 with an offset, dates that exist). The usual
     * shape, {@code 2024-05-01T12:00:00[.fraction](Z|+hh:mm|-hh:mm)}, is checked by hand: a resync
     * validates every date-time property of every entity it writes, and parsing them took a twelfth of
     * the writing thread's Java time. Any other shape, or a value out of range, goes to the parser.
     */
    private static boolean isDateTime(String text) {
        if (hasUsualShapeAndExists(text)) return true;
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean hasUsualShapeAndExists(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        int offset = 19;
        if (text.charAt(offset) == '.') {
            int fraction = offset + 1;
            while (fraction < length && fraction - offset <= 9 && isDigit(text.charAt(fraction))) fraction++;
            if (fraction == offset + 1) return false;
            offset = fraction;
        }
        if (offset == length - 1) return text.charAt(offset) == 'Z';
        if (offset != length - 6 || (text.charAt(offset) != '+' && text.charAt(offset) != '-') || text.charAt(offset + 3) != ':') {
            return false;
        }
        int offsetHours = digits(text, offset + 1, 2);
        int offsetMinutes = digits(text, offset + 4, 2);
        return offsetHours >= 0 && offsetMinutes >= 0 && offsetMinutes <= 59 && offsetHours * 60 + offsetMinutes <= 18 * 60;
    }

    /** The number {@code count} ASCII digits at {@code from} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
