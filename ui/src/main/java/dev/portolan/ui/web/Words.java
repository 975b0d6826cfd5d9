package dev.portolan.ui.web;

import java.time.Duration;
import java.util.Locale;

/** Small wordings shared by pages: titles that fall back to identifiers, durations for people. */
public final class Words {

    private Words() {}

    public static String titleOf(String title, String identifier) {
        return title == null || title.isBlank() ? identifier : title;
    }

    /**
     * "850 ms", "3.2 s", "4 min 05 s", "2 h 5 min", "3 d 4 h": the two largest units, so a sync
     * that was stuck for a week reads as days rather than thousands of minutes.
     */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        if (d.toHours() < 1) return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        if (d.toDays() < 1) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
