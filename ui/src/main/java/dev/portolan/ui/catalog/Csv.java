package dev.portolan.ui.catalog;

/** RFC 4180 fields, with formula-looking cells defused for spreadsheets. */
final class Csv {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private Csv() {}

    static String field(String value) {
        if (value == null) return "";
        String text = value;
        // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix a quote
        // (a plain number such as -1 stays a number).
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) text = "'" + text;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
