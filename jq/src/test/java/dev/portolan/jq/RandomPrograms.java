package dev.portolan.jq;

import java.util.Random;

/**
 * Optional forms ({@code ?}, {@code try}) only appear where nothing runs after them in the same
 * pipeline, because jq 1.6 wrongly catches errors raised downstream of a {@code try}.
 *
 * Generates random jq programs and inputs from the part of the language where jq 1.6 and jq 1.8
 * are documented to agree (no number formatting edge cases, no error-message comparisons).
 */
final class RandomPrograms {
    private static final String[] KEYS = {"a", "b", "c"};
    private static final String[] UNARY = {"length", "keys", "type", "tostring", "add", "sort", "unique",
        "to_entries", "not", "tojson", "min", "max", "flatten", "any", "all", "ascii_downcase", "values",
        "arrays", "objects", "numbers", "strings", "scalars", "floor", "sqrt", "paths", "leaf_paths", "keys_unsorted",
        "length > 1", "tojson | fromjson", "[.[]?]", "[..]", "map(type)", "to_entries", "[paths]",
        "[leaf_paths]", "tostream", "[tostream] | fromstream(.[])", "getpath([\"a\",0])", "has(\"a\")",
        "strings | ascii_upcase", "strings | test(\"a\")", "strings | ltrimstr(\"a\")", "strings | split(\"a\")",
        "strings | explode", "numbers | tostring", "[[splits(\"b\")]?]", "type == \"object\"", "[keys?]",
        "[range(0; 3)]", "[limit(2; .[]?)]", "first(.[]?)", "isempty(.[]?)", "[add?]", "any", "all",
        "[with_entries(.value |= type)?]", "[.[]?] | unique_by(type)",
        "[min_by(type)?]", "[.[]?] | reverse", "[setpath([\"a\"]; 1)?]", "[delpaths([[\"a\"]])?]", "[splits(\"x\")?]"};
    private final Random random;

    RandomPrograms(long seed) {
        this.random = new Random(seed);
    }

    String program() {
        return filter(3);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String filter(int depth) {
        if (depth == 0) {
            return atom();
        }
        return switch (random.nextInt(26)) {
            case 0 -> filter(depth - 1) + " | " + filter(depth - 1);
            case 1 -> filter(depth - 1) + ", " + filter(depth - 1);
            case 2 -> "[" + filter(depth - 1) + "]";
            case 3 -> "{" + pick(KEYS) + ": " + term(depth - 1) + ", " + pick(KEYS) + "}";
            case 4 -> "(" + filter(depth - 1) + ") " + pick(new String[] {"+", "-"}) + " (" + filter(depth - 1) + ")";
            case 5 -> "(" + filter(depth - 1) + ") " + pick(new String[] {"==", "!=", "<", "<=", ">", ">="})
                    + " (" + filter(depth - 1) + ")";
            case 6 -> "if " + filter(depth - 1) + " then " + filter(depth - 1) + " else " + filter(depth - 1) + " end";
            case 7 -> "(" + filter(depth - 1) + ") // (" + filter(depth - 1) + ")";
            case 8 -> "[.[]?] | map(" + filter(depth - 1) + ")";
            case 9 -> "select(" + filter(depth - 1) + ")";
            case 10 -> "[try (" + filter(depth - 1) + ") catch \"e\"]";
            case 11 -> "reduce ([.[]?] | .[]) as $x (0; . + ($x | length))";
            case 12 -> "[paths(" + pick(new String[] {"type == \"number\"", "type == \"string\"", ". == null"}) + ")]";
            case 13 -> "(" + filter(depth - 1) + ") and (" + filter(depth - 1) + ")";
            case 14 -> "[limit(2; " + filter(depth - 1) + ")]";
            case 15 -> "del(." + pick(KEYS) + ") | " + filter(depth - 1);
            // Parenthesised whole: jq 1.6 and jq 1.8 bind `as` differently after a comma or an operator.
            case 16 -> "((" + filter(depth - 1) + ") as $v | " + filter(depth - 1) + " | [., $v])";
            case 17 -> "((" + filter(depth - 1) + ") as [$p, $q] | [$q, $p])";
            case 18 -> "[foreach ([.[]?] | .[]) as $x (0; . + 1; [., $x])]";
            case 19 -> "\"<\\(" + filter(depth - 1) + ")>\"";
            case 20 -> "[label $out | " + filter(depth - 1) + " | if type == \"number\" then ., break $out else . end]";
            case 21 -> "." + pick(KEYS) + " |= (" + filter(depth - 1) + ")";
            case 22 -> "[.[]?] | sort_by(" + filter(depth - 1) + ")";
            case 23 -> "[.[]?] | group_by(type) | map(length)";
            case 24 -> "def f: " + filter(depth - 1) + "; [f, (. | f)]";
            default -> "[.[]?] | map(tostring) | join(\"-\")";
        };
    }

    private String term(int depth) {
        return "(" + filter(depth) + ")";
    }

    private String atom() {
        return switch (random.nextInt(9)) {
            case 0 -> ".";
            case 1 -> "." + pick(KEYS);
            case 2 -> "[.[" + (random.nextInt(5) - 2) + "]?]";
            case 3 -> "[.[]?]";
            case 4 -> Integer.toString(random.nextInt(10));
            case 5 -> "\"" + pick(KEYS) + pick(KEYS) + "\"";
            case 6 -> pick(new String[] {"null", "true", "false", "[]", "{}"});
            case 7 -> ".." ;
            default -> pick(UNARY);
        };
    }

    String input() {
        return value(3);
    }

    private String value(int depth) {
        int kind = random.nextInt(depth == 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Integer.toString(random.nextInt(20) - 5);
            case 3 -> Double.toString(random.nextInt(100) / 4.0);
            case 4 -> "\"" + pick(KEYS) + (random.nextBoolean() ? "X" : "") + "\"";
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(value(depth - 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append('"').append(KEYS[i]).append("\":").append(value(depth - 1));
                }
                yield sb.append('}').toString();
            }
        };
    }
}
