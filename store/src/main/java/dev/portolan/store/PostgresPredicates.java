package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;

/**
 * Search predicates on {@code jsonb}. Equality compares jsonb values, which keeps JSON types apart
 * by itself and uses the property's expression index ({@code (properties -> 'key')}, written exactly
 * so). Text order uses {@code COLLATE "C"} so it is bytewise, as on SQLite. LIKE patterns escape
 * {@code %}, {@code _} and the escape character.
 */
final class PostgresPredicates implements Predicates {

    /** Marks a text search a trigram index serves (three characters or more), for {@link PostgresDialect#countsBeforeSorting}. */
    static final String TRIGRAM_TEXT = "/* trigrams */ ";

    /** Marks a text search no index serves (under three characters), for {@link PostgresDialect#countsBeforeSorting}. */
    static final String UNINDEXED_TEXT = "/* no trigram */ ";

    /** {@code column -> 'key'}; key is a checked identifier (no quotes possible). */
    static String jsonValue(String column, String key) {
        return column + " -> '" + Identifiers.checked(key) + "'";
    }

    @Override
    public SqlFragment equalTo(Operand operand, JsonNode scalar) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of(text(operand) + " = ?", scalar.asText());
        }
        return SqlFragment.of("(" + json(operand) + " = CAST(? AS jsonb))", scalar.toString());
    }

    @Override
    public SqlFragment equalToAny(Operand operand, List<JsonNode> scalars) {
        if (operand instanceof Operand.TextColumn) {
            return textIn(text(operand), scalars.stream().map(JsonNode::asText).toList());
        }
        // One text[] parameter of JSON texts, cast to jsonb[]: "= ANY" uses the property's expression index like IN does.
        return SqlFragment.of("(" + json(operand) + " = ANY(CAST(CAST(? AS text[]) AS jsonb[])))",
                (Object) scalars.stream().map(JsonNode::toString).toArray(String[]::new));
    }

    @Override
    public SqlFragment textIn(String expression, List<String> texts) {
        return SqlFragment.of("(" + expression + " = ANY(CAST(? AS text[])))", (Object) texts.toArray(String[]::new));
    }

    @Override
    public SqlFragment jsonEquals(Operand operand, JsonNode value) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.FALSE;
        }
        return SqlFragment.of("(" + json(operand) + " = CAST(? AS jsonb))", value.toString());
    }

    @Override
    public SqlFragment compare(Operand operand, String sqlOperator, JsonNode numberOrString) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of(text(operand) + " " + sqlOperator + " ?", numberOrString.asText());
        }
        if (numberOrString.isNumber()) {
            // jsonb orders numbers numerically; casting the text instead could fail on other types.
            return SqlFragment.of("(jsonb_typeof(" + json(operand) + ") = 'number' AND " + json(operand) + " "
                    + sqlOperator + " CAST(? AS jsonb))", numberOrString.toString());
        }
        return SqlFragment.of("(jsonb_typeof(" + json(operand) + ") = 'string' AND (" + text(operand)
                + ") COLLATE \"C\" " + sqlOperator + " ?)", numberOrString.asText());
    }

    @Override
    public SqlFragment containsText(Operand operand, String text) {
        boolean trigrams = text.codePointCount(0, text.length()) >= 3;
        if (operand instanceof Operand.TextColumn column && column.column().equals("title") && trigrams) {
            // The same match as strpos, written as LIKE so that the blueprint's trigram index of the column
            // (TextIndexes) serves it: the catalog page's search box. A shorter text has no trigram, and
            // LIKE would make the index read itself whole: strpos then, on the rows the rest selects.
            return textCondition(operand, TRIGRAM_TEXT + text(operand) + " LIKE ? ESCAPE '\\'", "%" + escapeLike(text) + "%");
        }
        if (operand instanceof Operand.TextColumn column && column.column().equals("identifier") && trigrams) {
            // The identifiers' trigrams are of lower(identifier) (PostgresDialect#createTextIndex): LIKE on it
            // finds the candidates (a superset: lower under "C" folds ASCII letters only, in the text as in the column)
            // and strpos keeps exactly the identifiers that contain the text.
            return SqlFragment.of("(" + TRIGRAM_TEXT + "lower(e.identifier) LIKE lower(CAST(? AS text) COLLATE \"C\") ESCAPE '\\'"
                    + " AND strpos(e.identifier, ?) > 0)",
                    "%" + escapeLike(text) + "%", text);
        }
        return textCondition(operand, UNINDEXED_TEXT + "strpos(" + text(operand) + ", ?) > 0", text);
    }

    @Override
    public SqlFragment containsAnyText(Operand operand, List<String> texts) {
        return textCondition(operand, "EXISTS (SELECT 1 FROM unnest(CAST(? AS text[])) AS needle(t) WHERE strpos("
                + text(operand) + ", needle.t) > 0)", texts.toArray(String[]::new));
    }

    @Override
    public SqlFragment startsWith(Operand operand, String text) {
        return textCondition(operand, "starts_with(" + text(operand) + ", ?)", text);
    }

    @Override
    public SqlFragment endsWith(Operand operand, String text) {
        return textCondition(operand, text(operand) + " LIKE ? ESCAPE '\\'", "%" + escapeLike(text));
    }

    @Override
    public SqlFragment isEmpty(Operand operand) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of("COALESCE(" + text(operand) + ", '') = ''");
        }
        return SqlFragment.of("(COALESCE(" + json(operand) + ", 'null'::jsonb) IN "
                + "('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb))");
    }

    @Override
    public SqlFragment isArray(Operand operand) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.FALSE;
        }
        return SqlFragment.of("(jsonb_typeof(" + json(operand) + ") = 'array')");
    }

    @Override
    public SqlFragment anyElement(Operand operand, String alias, Function<Operand, SqlFragment> elementPredicate) {
        String array = json(operand);
        // jsonb_array_elements fails on a scalar: a scalar counts as a one-element array, a missing value as none.
        String source = "jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN " + array
                + " WHEN " + array + " IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(" + array + ") END)";
        return elementPredicate.apply(new Operand.Element(alias))
                .wrap("EXISTS (SELECT 1 FROM " + source + " AS " + alias + "(value) WHERE ", ")");
    }

    private static SqlFragment textCondition(Operand operand, String condition, Object parameter) {
        if (operand instanceof Operand.TextColumn) {
            return SqlFragment.of("(" + condition + ")", parameter);
        }
        return SqlFragment.of("(jsonb_typeof(" + json(operand) + ") = 'string' AND " + condition + ")", parameter);
    }

    private static String json(Operand operand) {
        return switch (operand) {
            case Operand.JsonField field -> "(" + jsonValue("e." + field.column(), field.key()) + ")";
            case Operand.JsonColumn column -> "e." + column.column();
            case Operand.Element element -> element.alias() + ".value";
            case Operand.TextColumn column -> throw new IllegalStateException("not a JSON operand: " + column);
        };
    }

    private static String text(Operand operand) {
        return switch (operand) {
            case Operand.JsonField field -> "(e." + field.column() + " ->> '" + Identifiers.checked(field.key()) + "')";
            case Operand.JsonColumn column -> "(e." + column.column() + " #>> '{}')";
            case Operand.Element element -> "(" + element.alias() + ".value #>> '{}')";
            case Operand.TextColumn column -> "e." + column.column();
        };
    }

    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
