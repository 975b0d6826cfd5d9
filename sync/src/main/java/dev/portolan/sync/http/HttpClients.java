package dev.portolan.sync.http;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client integrations read remote APIs with. */
public final class HttpClients {

    private HttpClients() {}

    /**
     * HTTP/1.1, which every server speaks, a 10-second connect timeout, and no redirects: requests
     * carry credentials, which must never follow a redirect to another host.
     */
    public static HttpClient withoutRedirects() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
