package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives the outputs of a filter evaluated as a path expression: each path and its value. */
@FunctionalInterface
public interface PathSink {
    boolean emit(Path path, JsonNode value);
}
