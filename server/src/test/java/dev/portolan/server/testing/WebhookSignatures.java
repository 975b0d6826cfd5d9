package dev.portolan.server.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** Signatures as webhook senders make them, for tests of live events. */
public final class WebhookSignatures {

    private WebhookSignatures() {}

    /** GitHub's {@code X-Hub-Signature-256} value: {@code sha256=} and the HMAC-SHA256 of the body with the secret. */
    public static String github(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
