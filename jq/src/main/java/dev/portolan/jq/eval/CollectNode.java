package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.value.Json;

/** {@code [body]}: all outputs of body as one array. */
public final class CollectNode extends SingleNode {
    private final Node body;

    public CollectNode(Node body) {
        this.body = body;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        ArrayNode array = Json.array();
        if (body.isSingle()) {
            array.add(body.one(in, env));
            return array;
        }
        Execution x = env.execution();
        body.eval(in, env, v -> {
            x.allocate(1);
            array.add(v);
            return true;
        });
        return array;
    }
}
