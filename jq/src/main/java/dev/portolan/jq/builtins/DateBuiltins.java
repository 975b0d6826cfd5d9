package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Dates as jq models them: seconds since the epoch, or "broken down time" arrays
 * {@code [year, month (0-11), day, hours, minutes, seconds, weekday, day of year]}.
 */
final class DateBuiltins {
    private DateBuiltins() {
    }

    static void register(Registry r) {
        r.unary("gmtime", in -> brokenDown(in, ZoneOffset.UTC, "gmtime"));
        r.unary("localtime", in -> brokenDown(in, ZoneId.systemDefault(), "localtime"));
        r.unary("mktime", in -> {
            if (!in.isArray()) {
                throw new JqException("mktime requires array of 6 numbers");
            }
            return Json.number(toDateTime(in, "mktime").toEpochSecond(ZoneOffset.UTC));
        });
        r.value("strftime", 1, (in, a) -> Json.text(strftime(in, a[0], ZoneOffset.UTC, "strftime")));
        r.value("strflocaltime", 1, (in, a) -> Json.text(strftime(in, a[0], ZoneId.systemDefault(), "strflocaltime")));
        r.value("strptime", 1, (in, a) -> {
            if (!in.isTextual()) {
                throw new JqException("strptime/1 requires string inputs and arguments");
            }
            if (!a[0].isTextual()) {
                throw new JqException("strptime/1 requires string inputs and arguments");
            }
            return fromDateTime(TimeParser.parse(in.textValue(), a[0].textValue()), 0);
        });
    }

    private static JsonNode brokenDown(JsonNode in, ZoneId zone, String function) {
        if (!in.isNumber()) {
            throw new JqException(function + "() requires a number");
        }
        double seconds = in.doubleValue();
        double whole = Math.floor(seconds);
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond((long) whole), zone);
        return fromDateTime(t, seconds - whole);
    }

    static ArrayNode fromDateTime(LocalDateTime t, double fraction) {
        ArrayNode a = Json.array();
        a.add(t.getYear());
        a.add(t.getMonthValue() - 1);
        a.add(t.getDayOfMonth());
        a.add(t.getHour());
        a.add(t.getMinute());
        a.add(Json.number(t.getSecond() + fraction));
        a.add(t.getDayOfWeek().getValue() % 7);
        a.add(t.getDayOfYear() - 1);
        return a;
    }

    /** As jq 1.8's jv2tm: every element must be a number; missing ones count as 0 ([2024,2,15] is a day). */
    static LocalDateTime toDateTime(JsonNode tm, String function) {
        for (JsonNode element : tm) {
            if (!element.isNumber()) {
                throw new JqException(function + " requires parsed datetime inputs");
            }
        }
        return LocalDateTime.of(field(tm, 0), 1, 1, 0, 0)
                .plusMonths(field(tm, 1))
                .plusDays(field(tm, 2) - 1L)
                .plusHours(field(tm, 3))
                .plusMinutes(field(tm, 4))
                .plusSeconds((long) Math.floor(tm.size() > 5 ? tm.get(5).doubleValue() : 0));
    }

    private static int field(JsonNode tm, int i) {
        return tm.size() > i ? (int) Math.floor(tm.get(i).doubleValue()) : 0;
    }

    private static String strftime(JsonNode in, JsonNode format, ZoneId zone, String function) {
        if (!format.isTextual()) {
            throw new JqException(function + "/1 requires a string format");
        }
        ZonedDateTime t;
        if (in.isNumber()) {
            t = Instant.ofEpochSecond((long) Math.floor(in.doubleValue())).atZone(zone);
        } else if (in.isArray()) {
            t = toDateTime(in, function + "/1").atZone(zone.equals(ZoneOffset.UTC) ? ZoneOffset.UTC : zone);
        } else {
            throw new JqException(function + "/1 requires parsed datetime inputs");
        }
        return TimeFormatter.format(t, format.textValue());
    }
}
