package dev.portolan.jq.eval;

/** A filter argument together with the bindings of the place it was written (its caller). */
public record Closure(Node node, Env env) {
}
