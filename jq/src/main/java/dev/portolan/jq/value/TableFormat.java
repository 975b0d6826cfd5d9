package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @table}, from jq's master branch (newer than jq 1.8; jq.test checks it): rows drawn in a
 * box, each column as wide as its widest cell. The input is an array of rows, or an object
 * {@code {"headings": [...], "rows": [[...], ...]}} whose headings are ruled off from the rows.
 * Cells are strings as they are and other values as JSON; a short row is padded with empty cells.
 * The error wording for other inputs is Portolan's.
 */
final class TableFormat {
    private TableFormat() {
    }

    static String apply(JsonNode input) {
        List<List<String>> rows = new ArrayList<>();
        int headings = 0;
        if (input.isObject() && input.get("rows") != null && input.get("rows").isArray()) {
            JsonNode head = input.get("headings");
            if (head != null && !head.isNull()) {
                rows.add(cells(head));
                headings = 1;
            }
            input.get("rows").forEach(row -> rows.add(cells(row)));
        } else if (input.isArray()) {
            input.forEach(row -> rows.add(cells(row)));
        } else {
            throw new JqException(Values.describe(input)
                    + " cannot be table-formatted, only an array of rows or an object with rows");
        }
        int[] widths = widths(rows);
        StringBuilder out = new StringBuilder(rule(widths, '┌', '┬', '┐'));
        for (int r = 0; r < rows.size(); r++) {
            out.append('\n').append(line(rows.get(r), widths));
            if (r + 1 == headings) {
                out.append('\n').append(rule(widths, '├', '┼', '┤'));
            }
        }
        return out.append('\n').append(rule(widths, '└', '┴', '┘')).toString();
    }

    private static List<String> cells(JsonNode row) {
        if (!row.isArray()) {
            throw new JqException(Values.describe(row) + " cannot be a table row, only an array");
        }
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(Formats.text(cell)));
        return cells;
    }

    private static int[] widths(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        return widths;
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder sb = new StringBuilder("│");
        for (int c = 0; c < widths.length; c++) {
            String cell = c < row.size() ? row.get(c) : "";
            sb.append(cell).append(" ".repeat(widths[c] - width(cell))).append('│');
        }
        return sb.toString();
    }

    private static String rule(int[] widths, char left, char middle, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            sb.append(c == 0 ? "" : String.valueOf(middle)).append("─".repeat(widths[c]));
        }
        return sb.append(right).toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
