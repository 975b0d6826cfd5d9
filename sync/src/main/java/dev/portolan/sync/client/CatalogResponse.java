package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A response of the catalog's API: its status and JSON body ({@link MissingNode} when it had none
 * or it was not JSON). Errors have Port's shape {@code {ok: false, error, message, details?}}.
 */
public record CatalogResponse(int status, JsonNode body) {

    public CatalogResponse {
        if (body == null) body = MissingNode.getInstance();
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String error() {
        return body.path("error").asText("http_" + status);
    }

    public String message() {
        return body.path("message").asText("(no message)");
    }
}
