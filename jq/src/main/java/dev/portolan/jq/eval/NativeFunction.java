package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A builtin implemented in Java. A VALUE function maps the input and its argument values to one
 * output (arguments with several outputs give the cartesian product); a GENERATOR receives its
 * arguments as filters and pushes any number of outputs. Either may also support path mode.
 */
public record NativeFunction(String name, int arity, Kind kind, ValueFn value, GeneratorFn generator, PathFn paths) {

    public enum Kind { VALUE, GENERATOR }

    @FunctionalInterface
    public interface ValueFn {
        JsonNode apply(JsonNode in, JsonNode[] args);
    }

    @FunctionalInterface
    public interface GeneratorFn {
        boolean call(JsonNode in, Node[] args, Env env, Sink out);
    }

    @FunctionalInterface
    public interface PathFn {
        boolean paths(Path path, JsonNode in, Node[] args, Env env, PathSink out);
    }

    public static NativeFunction value(String name, int arity, ValueFn fn) {
        return new NativeFunction(name, arity, Kind.VALUE, fn, null, null);
    }

    public static NativeFunction generator(String name, int arity, GeneratorFn fn) {
        return new NativeFunction(name, arity, Kind.GENERATOR, null, fn, null);
    }

    public static NativeFunction generator(String name, int arity, GeneratorFn fn, PathFn paths) {
        return new NativeFunction(name, arity, Kind.GENERATOR, null, fn, paths);
    }
}
