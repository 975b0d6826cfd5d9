package dev.portolan.store;

import dev.portolan.catalog.search.Direction;
import dev.portolan.catalog.search.RelatedToRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code relatedTo} as a recursive CTE over {@code relation_edges}: from the given entities, follow
 * edges source → target (UPSTREAM: what they point at) or target → source (DOWNSTREAM: what points
 * at them), transitively; BOTH is the union of the two walks, not a walk that may turn around
 * (which would reach siblings). {@code UNION} (not {@code UNION ALL}) makes cycles terminate. The
 * given entities are not part of the result.
 */
final class RelatedToSql {

    private RelatedToSql() {}

    static SqlFragment compile(RelatedToRule rule, List<SearchScope.RequiredRelation> required, Predicates predicates) {
        // An identifier with a NUL character cannot exist (and PostgreSQL would refuse it as a parameter).
        List<String> identifiers = rule.identifiers() == null ? List.of()
                : rule.identifiers().stream().filter(id -> id != null && id.indexOf('\u0000') < 0).toList();
        if (identifiers.isEmpty() || !Identifiers.isValid(rule.blueprint())) {
            return SqlFragment.FALSE;
        }
        Direction direction = rule.direction() == null ? Direction.BOTH : rule.direction();
        List<Object> parameters = new ArrayList<>();
        // The given identifiers are one list parameter (twice), so any number of them fits the database's limit.
        SqlFragment seeds = predicates.textIn("identifier", identifiers);
        SqlFragment given = predicates.textIn("e.identifier", identifiers);
        StringBuilder sql = new StringBuilder("WITH RECURSIVE seed(b, i) AS (")
                .append("SELECT blueprint, identifier FROM entities WHERE blueprint = ? AND ").append(seeds.sql()).append(")");
        parameters.add(rule.blueprint());
        parameters.addAll(seeds.parameters());
        boolean up = direction != Direction.DOWNSTREAM;
        boolean down = direction != Direction.UPSTREAM;
        if (up) {
            sql.append(", up(b, i) AS (SELECT b, i FROM seed UNION SELECT r.target_blueprint, r.target_identifier ")
                    .append("FROM relation_edges r JOIN up ON r.source_blueprint = up.b AND r.source_identifier = up.i");
            appendRequired(sql, parameters, rule.required(), required);
            sql.append(")");
        }
        if (down) {
            sql.append(", down(b, i) AS (SELECT b, i FROM seed UNION SELECT r.source_blueprint, r.source_identifier ")
                    .append("FROM relation_edges r JOIN down ON r.target_blueprint = down.b AND r.target_identifier = down.i");
            appendRequired(sql, parameters, rule.required(), required);
            sql.append(")");
        }
        String keys = up && down ? "SELECT b, i FROM up UNION SELECT b, i FROM down"
                : up ? "SELECT b, i FROM up" : "SELECT b, i FROM down";
        StringBuilder condition = new StringBuilder("(").append(predicates.entityAmong(sql.toString(), keys))
                .append(" AND NOT (e.blueprint = ? AND ").append(given.sql()).append("))");
        parameters.add(rule.blueprint());
        parameters.addAll(given.parameters());
        return new SqlFragment(condition.toString(), parameters);
    }

    /** With {@code required}, only edges of relations declared required are followed (none declared: no step at all). */
    private static void appendRequired(StringBuilder sql, List<Object> parameters, boolean onlyRequired,
                                       List<SearchScope.RequiredRelation> required) {
        if (!onlyRequired) {
            return;
        }
        if (required.isEmpty()) {
            sql.append(" WHERE 1 = 0");
            return;
        }
        sql.append(" WHERE (");
        for (int i = 0; i < required.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(r.source_blueprint = ? AND r.relation = ?)");
            parameters.add(required.get(i).blueprint());
            parameters.add(required.get(i).relation());
        }
        sql.append(")");
    }
}
