package dev.portolan.ui.web;

import java.time.Duration;

/** Small wordings shared by pages: titles that fall back to identifiers, durations for people. */
public final class Words {

    private Words() {}

    public static String titleOf(String title, String identifier) {
        return title == null || title.isBlank() ? identifier : title;
    }

    /** "850 ms", "3.2 s", "4 min 05 s". */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(java.util.Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
