package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives the outputs of a filter, one at a time; returns false to stop the generator early. */
@FunctionalInterface
public interface Sink {
    boolean emit(JsonNode value);
}
