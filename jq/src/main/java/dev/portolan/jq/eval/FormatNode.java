package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Formats;
import dev.portolan.jq.value.Json;

/** A format used as a filter, e.g. {@code @base64}: formats the input. */
public final class FormatNode extends SingleNode {
    private final String format;

    public FormatNode(String format) {
        this.format = format;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return Json.text(Formats.apply(format, in));
    }
}
