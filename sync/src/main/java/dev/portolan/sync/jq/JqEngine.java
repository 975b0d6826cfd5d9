package dev.portolan.sync.jq;

/** Compiles jq expressions for the mapper. Implementations are thread-safe. */
public interface JqEngine {

    /** @throws IllegalArgumentException with jq's message when the expression does not compile */
    JqExpression compile(String expression);
}
