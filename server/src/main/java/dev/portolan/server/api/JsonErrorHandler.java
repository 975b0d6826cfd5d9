package dev.portolan.server.api;

import dev.portolan.catalog.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own refusals, made before a request reaches Javalin (a path with an encoded NUL or an
 * ambiguous segment, a malformed request line), in the API's error shape rather than an HTML page:
 * every response has {@code ok}.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text = message == null || message.isBlank() ? "The request was refused (HTTP " + code + ")" : message;
        byte[] body = Json.write(ApiErrors.body(ApiErrors.errorOf(code), text, null)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty closes the connection after refusing a bad request: say so, or a client that reuses it fails.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
