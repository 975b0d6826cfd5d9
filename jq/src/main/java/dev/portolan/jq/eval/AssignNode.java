package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.PathOps;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The assignment operators, defined by jq in terms of paths:
 * {@code lhs |= f} updates every path of lhs with the first output of f (deleting it when f is
 * empty); {@code lhs = rhs}, {@code lhs op= rhs} and {@code lhs //= rhs} evaluate rhs against the
 * input and yield one result per rhs output.
 */
public final class AssignNode extends Node {
    /** What the operator does with the old value at a path and the right-hand side value. */
    public enum Kind { UPDATE, SET, ARITHMETIC, ALTERNATIVE }

    private final Kind kind;
    private final Node target;
    private final Node value;
    private final BinaryOperator<JsonNode> op;

    public AssignNode(Kind kind, Node target, Node value, BinaryOperator<JsonNode> op) {
        this.kind = kind;
        this.target = target;
        this.value = value;
        this.op = op;
    }

    private List<ArrayNode> pathsOf(JsonNode in, Env env) {
        List<ArrayNode> paths = new ArrayList<>();
        target.paths(Path.ROOT, in, env, (p, v) -> {
            paths.add(p.toArrayOrFail(v));
            return true;
        });
        return paths;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (kind == Kind.UPDATE) {
            return out.emit(update(in, env));
        }
        return value.eval(in, env, rhs -> {
            JsonNode result = in;
            for (ArrayNode p : pathsOf(in, env)) {
                env.execution().tick();
                JsonNode updated = switch (kind) {
                    case SET -> rhs;
                    case ARITHMETIC -> op.apply(PathOps.getPath(result, p), rhs);
                    default -> {
                        JsonNode old = PathOps.getPath(result, p);
                        yield Values.truthy(old) ? old : rhs;
                    }
                };
                result = PathOps.setPath(result, p, updated);
            }
            return out.emit(result);
        });
    }

    private JsonNode update(JsonNode in, Env env) {
        JsonNode result = in;
        ArrayNode deletions = Json.array();
        for (ArrayNode p : pathsOf(in, env)) {
            env.execution().tick();
            JsonNode[] first = {null};
            value.eval(PathOps.getPath(result, p), env, v -> {
                first[0] = v;
                return false;
            });
            if (first[0] == null) {
                deletions.add(p);
            } else {
                result = PathOps.setPath(result, p, first[0]);
            }
        }
        return deletions.isEmpty() ? result : PathOps.deletePaths(result, deletions);
    }
}
