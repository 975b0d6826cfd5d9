package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.CollectNode;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;

/** Sorting, grouping, min/max, uniqueness, flattening and reversing arrays. */
final class CollectionBuiltins {
    private CollectionBuiltins() {
    }

    /** An element with its sort key ({@code [f]}, as jq sorts by the array of f's outputs). */
    private record Keyed(JsonNode key, JsonNode value) { }

    static void register(Registry r) {
        r.unary("sort", in -> sorted(requireArray(in, "sorted")));
        r.generator("sort_by", 1, (in, a, env, out) -> out.emit(values(sortedBy(in, a[0], env))));
        r.generator("group_by", 1, (in, a, env, out) -> out.emit(groups(sortedBy(in, a[0], env), false)));
        r.generator("unique_by", 1, (in, a, env, out) -> out.emit(groups(sortedBy(in, a[0], env), true)));
        r.unary("unique", in -> {
            ArrayNode out = Json.array();
            for (JsonNode v : sorted(requireArray(in, "sorted"))) {
                if (out.isEmpty() || !Values.equal(out.get(out.size() - 1), v)) {
                    out.add(v);
                }
            }
            return out;
        });
        r.unary("min", in -> extreme(keyedBySelf(in), false));
        r.unary("max", in -> extreme(keyedBySelf(in), true));
        r.generator("min_by", 1, (in, a, env, out) -> out.emit(extreme(keyed(in, a[0], env, ITERATED), false)));
        r.generator("max_by", 1, (in, a, env, out) -> out.emit(extreme(keyed(in, a[0], env, ITERATED), true)));
        r.unary("reverse", CollectionBuiltins::reverse);
        r.value("bsearch", 1, (in, a) -> bsearch(in, a[0]));
        r.unary("flatten", in -> flatten(in, 1e9));
        r.value("flatten", 1, (in, a) -> {
            if (!a[0].isNumber() || a[0].doubleValue() < 0) {
                throw new JqException("flatten depth must not be negative");
            }
            return flatten(in, a[0].doubleValue());
        });
    }

    private static JsonNode requireArray(JsonNode in, String what) {
        if (!in.isArray()) {
            throw new JqException(Values.describe(in) + " cannot be " + what + ", as it is not an array");
        }
        return in;
    }

    private static ArrayNode sorted(JsonNode in) {
        List<JsonNode> list = new ArrayList<>(in.size());
        in.forEach(list::add);
        list.sort(Values.ORDER);
        ArrayNode out = Json.FACTORY.arrayNode(list.size());
        out.addAll(list);
        return out;
    }

    private static final String ITERATED = "cannot be iterated over";
    private static final String SORTED = "cannot be sorted, as they are not both arrays";

    /**
     * jq 1.8.2 defines min_by, max_by, sort_by, group_by and unique_by as {@code _impl(map([f]))}: a
     * value that is not an array fails in map ("Cannot iterate over null (null)") or, for an object,
     * in the C function that gets it with the keys: {@code object ({"a":1}) and array ([[1]])} then
     * {@code failure} ("cannot be iterated over" for min_by and max_by, else "cannot be sorted, as
     * they are not both arrays").
     */
    private static List<Keyed> keyed(JsonNode in, Node f, Env env, String failure) {
        Node collect = new CollectNode(f);
        if (!in.isArray()) {
            if (!in.isObject()) {
                throw Values.cannotIterate(in);
            }
            ArrayNode keys = Json.array();
            for (JsonNode v : in) {
                env.execution().tick();
                keys.add(collect.one(v, env));
            }
            throw new JqException(Values.describe(in) + " and " + Values.describe(keys) + " " + failure);
        }
        List<Keyed> list = new ArrayList<>(in.size());
        for (JsonNode v : in) {
            env.execution().tick();
            list.add(new Keyed(collect.one(v, env), v));
        }
        return list;
    }

    /** jq 1.8.2's min and max are {@code _min_by_impl(.; .)}: "null (null) and null (null) cannot be iterated over". */
    private static List<Keyed> keyedBySelf(JsonNode in) {
        if (!in.isArray()) {
            throw new JqException(Values.describe(in) + " and " + Values.describe(in) + " " + ITERATED);
        }
        List<Keyed> list = new ArrayList<>(in.size());
        in.forEach(v -> list.add(new Keyed(v, v)));
        return list;
    }

    private static List<Keyed> sortedBy(JsonNode in, Node f, Env env) {
        List<Keyed> list = keyed(in, f, env, SORTED);
        list.sort((x, y) -> Values.compare(x.key(), y.key()));
        return list;
    }

    private static ArrayNode values(List<Keyed> list) {
        ArrayNode out = Json.FACTORY.arrayNode(list.size());
        list.forEach(k -> out.add(k.value()));
        return out;
    }

    private static ArrayNode groups(List<Keyed> sorted, boolean firstOnly) {
        ArrayNode out = Json.array();
        ArrayNode group = null;
        JsonNode groupKey = null;
        for (Keyed k : sorted) {
            if (group == null || !Values.equal(groupKey, k.key())) {
                group = Json.array();
                groupKey = k.key();
                out.add(firstOnly ? k.value() : group);
            }
            group.add(k.value());
        }
        return out;
    }

    private static JsonNode extreme(List<Keyed> list, boolean max) {
        Keyed best = null;
        for (Keyed k : list) {
            int c = best == null ? 0 : Values.compare(k.key(), best.key());
            // jq keeps the last of equal maxima and the first of equal minima.
            if (best == null || (max ? c >= 0 : c < 0)) {
                best = k;
            }
        }
        return best == null ? Json.NULL : best.value();
    }

    /** The index of target in a sorted array, or (-1 - insertion point) when absent. */
    private static JsonNode bsearch(JsonNode in, JsonNode target) {
        if (!in.isArray()) {
            throw new JqException(Values.describe(in) + " cannot be searched from");
        }
        int lo = 0;
        int hi = in.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Values.compare(in.get(mid), target);
            if (c == 0) {
                return Json.number(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Json.number(-1 - lo);
    }

    private static JsonNode reverse(JsonNode in) {
        if (in.isNull()) {
            return Json.array();
        }
        if (in.isTextual()) {
            return Json.text(new StringBuilder(in.textValue()).reverse().toString());
        }
        if (!in.isArray()) {
            throw new JqException("Cannot reverse " + Values.describe(in));
        }
        ArrayNode out = Json.FACTORY.arrayNode(in.size());
        for (int i = in.size() - 1; i >= 0; i--) {
            out.add(in.get(i));
        }
        return out;
    }

    private static JsonNode flatten(JsonNode in, double depth) {
        if (!in.isContainerNode()) {
            throw Values.cannotIterate(in);
        }
        ArrayNode out = Json.array();
        flattenInto(out, in, depth);
        return out;
    }

    private static void flattenInto(ArrayNode out, JsonNode in, double depth) {
        for (JsonNode v : in) {
            if (v.isArray() && depth > 0) {
                flattenInto(out, v, depth - 1);
            } else {
                out.add(v);
            }
        }
    }
}
