package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Reads the results of a bulk upsert ({@code 200}/{@code 207}: {@code entities[]} written,
 * {@code errors[]} failed, each with its {@code index}) into {@link IngestResult}s in request order.
 */
final class BulkResults {

    private BulkResults() {}

    static List<IngestResult> read(JsonNode body, List<ObjectNode> sent) {
        IngestResult[] results = new IngestResult[sent.size()];
        for (JsonNode written : body.path("entities")) {
            int index = written.path("index").asInt(-1);
            if (index >= 0 && index < results.length) results[index] = written(written);
        }
        for (JsonNode error : body.path("errors")) {
            int index = error.path("index").asInt(-1);
            if (index >= 0 && index < results.length) {
                results[index] = new IngestResult(error.path("identifier").asText(sent.get(index).path("identifier").asText()),
                        IngestResult.Status.FAILED, isMissingRelatedEntity(error), message(error));
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = new IngestResult(sent.get(i).path("identifier").asText(), IngestResult.Status.FAILED, false,
                        "the catalog's bulk response has no result for this entity");
            }
        }
        return List.of(results);
    }

    private static IngestResult written(JsonNode written) {
        IngestResult.Status status = switch (written.path("status").asText("")) {
            case "created" -> IngestResult.Status.CREATED;
            case "unchanged" -> IngestResult.Status.UNCHANGED;
            case "updated" -> IngestResult.Status.UPDATED;
            default -> written.path("created").asBoolean(false) ? IngestResult.Status.CREATED : IngestResult.Status.UPDATED;
        };
        return new IngestResult(written.path("identifier").asText(), status, false, null);
    }

    /** The catalog says 404 with every violation on a relation when a relation's target is missing. */
    static boolean isMissingRelatedEntity(JsonNode error) {
        JsonNode details = error.path("details");
        if (error.path("statusCode").asInt() != 404 || !details.isArray() || details.isEmpty()) return false;
        for (JsonNode detail : details) {
            if (!detail.path("path").asText("").startsWith("relations.")) return false;
        }
        return true;
    }

    /** The catalog's message (it names the violations), as the in-process client reports it. */
    private static String message(JsonNode error) {
        return error.path("message").asText(error.path("error").asText("failed"));
    }
}
