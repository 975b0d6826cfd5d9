package dev.portolan.ui.values;

import java.util.List;

/**
 * A property value prepared for display; templates switch on {@link #kind} and never look at the
 * raw JSON. Every string here is still raw text: templates escape it.
 *
 * @param text  the value as text (for DATE the stored ISO value; for JSON pretty-printed)
 * @param href  for LINK: an http(s) URL; for ENTITY: the target blueprint (link items with {@code Links.entity})
 * @param items for CHIPS: the elements; for ENTITY with many targets: identifiers
 * @param html  for MARKDOWN only: HTML rendered by {@link Markdown}, with any HTML of the source escaped
 */
public record ShownValue(Kind kind, String text, String href, List<String> items, String html) {

    public enum Kind { EMPTY, TEXT, LINK, BOOLEAN, NUMBER, DATE, CHIPS, JSON, MARKDOWN, ENTITY }

    public static final ShownValue EMPTY = new ShownValue(Kind.EMPTY, "", null, List.of(), null);

    public static ShownValue text(Kind kind, String text) {
        return new ShownValue(kind, text, null, List.of(), null);
    }

    public boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    /** The value as one line of plain text (table cells, CSV). */
    public String plain() {
        return switch (kind) {
            case EMPTY -> "";
            case CHIPS -> String.join(", ", items);
            case ENTITY -> items.isEmpty() ? text : String.join(", ", items);
            default -> text;
        };
    }
}
