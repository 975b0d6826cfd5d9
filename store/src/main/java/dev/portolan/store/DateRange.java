package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * The bounds of {@code between}: {@code {from, to}} as given, or a {@code {preset}} relative to the
 * clock (UTC days). Day presets are half-open ({@code to} excluded); "last ..." windows end now.
 */
record DateRange(String from, String to, boolean toExclusive) {

    static final List<String> PRESETS = List.of("today", "tomorrow", "yesterday", "lastWeek", "last2Weeks",
            "lastMonth", "last3Months", "last6Months", "last12Months");

    /**
     * @param explicitBound turns a given {@code from}/{@code to} string into the compared text
     * @param presetBound   turns a preset's instant into the compared text
     */
    static DateRange of(String property, JsonNode value, Clock clock,
                        Function<String, String> explicitBound, Function<Instant, String> presetBound) {
        if (value != null && value.hasNonNull("preset")) {
            return preset(property, value.get("preset").asText(), clock, presetBound);
        }
        if (value != null && value.path("from").isTextual() && value.path("to").isTextual()) {
            return new DateRange(explicitBound.apply(value.get("from").asText()),
                    explicitBound.apply(value.get("to").asText()), false);
        }
        throw new IllegalArgumentException("'between' on '" + property
                + "' needs {\"from\": <date-time>, \"to\": <date-time>} or {\"preset\": <one of " + PRESETS + ">}");
    }

    private static DateRange preset(String property, String preset, Clock clock, Function<Instant, String> bound) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS);
        return switch (preset) {
            case "today" -> days(today, today.plusDays(1), bound);
            case "tomorrow" -> days(today.plusDays(1), today.plusDays(2), bound);
            case "yesterday" -> days(today.minusDays(1), today, bound);
            case "lastWeek" -> window(now.minusWeeks(1), now, bound);
            case "last2Weeks" -> window(now.minusWeeks(2), now, bound);
            case "lastMonth" -> window(now.minusMonths(1), now, bound);
            case "last3Months" -> window(now.minusMonths(3), now, bound);
            case "last6Months" -> window(now.minusMonths(6), now, bound);
            case "last12Months" -> window(now.minusMonths(12), now, bound);
            default -> throw new IllegalArgumentException("unknown date preset '" + preset + "' in 'between' on '"
                    + property + "'; known presets: " + PRESETS);
        };
    }

    private static DateRange days(ZonedDateTime from, ZonedDateTime to, Function<Instant, String> bound) {
        return new DateRange(bound.apply(from.toInstant()), bound.apply(to.toInstant()), true);
    }

    private static DateRange window(ZonedDateTime from, ZonedDateTime to, Function<Instant, String> bound) {
        return new DateRange(bound.apply(from.toInstant()), bound.apply(to.toInstant()), false);
    }
}
