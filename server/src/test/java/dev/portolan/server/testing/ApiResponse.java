package dev.portolan.server.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP response of the API: its status, its raw text and its body parsed as JSON (a missing
 * node when the body is not JSON). {@link #expect} fails a test with the body in the message, so a
 * wrong status says why.
 */
public record ApiResponse(String request, int status, String text, JsonNode body, java.net.http.HttpHeaders headers) {

    /** The first value of a response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Asserts the status and returns this response. */
    public ApiResponse expect(int expectedStatus) {
        if (status != expectedStatus) {
            throw new AssertionError(request + ": expected HTTP " + expectedStatus + " but got " + status + " " + text);
        }
        return this;
    }

    /** Asserts an error response: the status and Port's error code. */
    public ApiResponse expectError(int expectedStatus, String expectedError) {
        expect(expectedStatus);
        if (!expectedError.equals(error())) {
            throw new AssertionError(request + ": expected error '" + expectedError + "' but got " + text);
        }
        return this;
    }

    /** A top-level field of the body (a missing node when absent). */
    public JsonNode get(String field) {
        return body.path(field);
    }

    public String error() {
        return body.path("error").asText(null);
    }

    public String message() {
        return body.path("message").asText("");
    }

    /** The {@code path} of every entry of {@code details}. */
    public List<String> detailPaths() {
        List<String> paths = new ArrayList<>();
        body.path("details").forEach(d -> paths.add(d.path("path").asText()));
        return paths;
    }

    /** The identifiers of the {@code entities} array (lists and searches). */
    public List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        body.path("entities").forEach(e -> ids.add(e.path("identifier").asText()));
        return ids;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + text;
    }
}
