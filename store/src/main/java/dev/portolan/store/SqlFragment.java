package dev.portolan.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with the values of its {@code ?} placeholders, in order. Search predicates are
 * built from these so that user values only ever travel as bound parameters.
 */
record SqlFragment(String sql, List<Object> parameters) {

    static final SqlFragment TRUE = new SqlFragment("(1 = 1)", List.of());
    static final SqlFragment FALSE = new SqlFragment("(1 = 0)", List.of());

    SqlFragment {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }

    static SqlFragment and(List<SqlFragment> parts) {
        return join(parts, " AND ", TRUE);
    }

    static SqlFragment or(List<SqlFragment> parts) {
        return join(parts, " OR ", FALSE);
    }

    static SqlFragment and(SqlFragment... parts) {
        return and(List.of(parts));
    }

    static SqlFragment or(SqlFragment... parts) {
        return or(List.of(parts));
    }

    /**
     * The negation as two-valued logic: SQL's {@code NOT NULL} is NULL, which would drop rows whose
     * value is missing from both a predicate and its negation.
     */
    SqlFragment negate() {
        return new SqlFragment("(NOT COALESCE(" + sql + ", 1 = 0))", parameters);
    }

    /** {@code prefix + this + suffix} with the same parameters. */
    SqlFragment wrap(String prefix, String suffix) {
        return new SqlFragment(prefix + sql + suffix, parameters);
    }

    /** {@code CASE WHEN condition THEN whenTrue ELSE whenFalse END}. */
    static SqlFragment choose(SqlFragment condition, SqlFragment whenTrue, SqlFragment whenFalse) {
        List<Object> parameters = new ArrayList<>(condition.parameters);
        parameters.addAll(whenTrue.parameters);
        parameters.addAll(whenFalse.parameters);
        return new SqlFragment("(CASE WHEN " + condition.sql + " THEN " + whenTrue.sql
                + " ELSE " + whenFalse.sql + " END)", parameters);
    }

    private static SqlFragment join(List<SqlFragment> parts, String separator, SqlFragment empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> parameters = new ArrayList<>();
        for (SqlFragment part : parts) {
            if (sql.length() > 1) {
                sql.append(separator);
            }
            sql.append(part.sql);
            parameters.addAll(part.parameters);
        }
        return new SqlFragment(sql.append(')').toString(), parameters);
    }
}
