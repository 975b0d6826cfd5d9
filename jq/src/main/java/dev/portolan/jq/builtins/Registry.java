package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.eval.NativeFunction;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Collects the native builtins of one theme into the shared table. */
final class Registry {
    private final Map<String, NativeFunction> table;

    Registry(Map<String, NativeFunction> table) {
        this.table = table;
    }

    void value(String name, int arity, NativeFunction.ValueFn fn) {
        add(NativeFunction.value(name, arity, fn));
    }

    void generator(String name, int arity, NativeFunction.GeneratorFn fn) {
        add(NativeFunction.generator(name, arity, fn));
    }

    void generator(String name, int arity, NativeFunction.GeneratorFn fn, NativeFunction.PathFn paths) {
        add(NativeFunction.generator(name, arity, fn, paths));
    }

    /** A function of the input only, e.g. {@code ascii_downcase}. */
    void unary(String name, UnaryOperator<JsonNode> fn) {
        value(name, 0, (in, args) -> fn.apply(in));
    }

    private void add(NativeFunction fn) {
        table.put(fn.name() + "/" + fn.arity(), fn);
    }
}
