package dev.portolan.jq.builtins;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** C's {@code strftime} conversions, in the C locale. */
final class TimeFormatter {
    private TimeFormatter() {
    }

    static String format(ZonedDateTime t, String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            sb.append(conversion(t, spec));
        }
        return sb.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String conversion(ZonedDateTime t, char spec) {
        return switch (spec) {
            case 'Y' -> Integer.toString(t.getYear());
            case 'C' -> two(t.getYear() / 100);
            case 'y' -> two(t.getYear() % 100);
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> (t.getDayOfMonth() < 10 ? " " : "") + t.getDayOfMonth();
            case 'H' -> two(t.getHour());
            case 'k' -> (t.getHour() < 10 ? " " : "") + t.getHour();
            case 'I' -> two(hour12(t));
            case 'l' -> (hour12(t) < 10 ? " " : "") + hour12(t);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'Z' -> t.getZone().getId().equals("Z") ? "UTC" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'z' -> t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", "");
            case 'F' -> t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth());
            case 'T' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
            case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
            case 'r' -> two(hour12(t)) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + (t.getHour() < 12 ? "AM" : "PM");
            case 'D', 'x' -> two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(t.getYear() % 100);
            case 'X' -> conversion(t, 'T');
            case 'c' -> conversion(t, 'a') + " " + conversion(t, 'b') + " " + conversion(t, 'e') + " "
                    + conversion(t, 'T') + " " + t.getYear();
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> "%" + spec;
        };
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }
}
