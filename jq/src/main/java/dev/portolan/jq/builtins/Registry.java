package dev.portolan.jq.builtins;

import dev.portolan.jq.eval.NativeFunction;
import java.util.Map;

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
    void unary(String name, java.util.function.UnaryOperator<com.fasterxml.jackson.databind.JsonNode> fn) {
        value(name, 0, (in, args) -> fn.apply(in));
    }

    private void add(NativeFunction fn) {
        table.put(fn.name() + "/" + fn.arity(), fn);
    }
}
