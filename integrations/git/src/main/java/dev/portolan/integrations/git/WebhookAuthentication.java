package dev.portolan.integrations.git;

import dev.portolan.sync.spi.WebhookReceiver;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Whether a live event comes from a sender that knows the installation's {@code webhookSecret}: an
 * HMAC-SHA256 signature of the body (GitHub {@code X-Hub-Signature-256}, Bitbucket
 * {@code X-Hub-Signature}, Gitea {@code X-Gitea-Signature}) or the secret itself as a token
 * (GitLab {@code X-Gitlab-Token}, {@code Authorization: Bearer}). Without a secret set, nothing is
 * authentic. Comparisons take constant time.
 */
final class WebhookAuthentication {

    private WebhookAuthentication() {}

    static boolean authentic(WebhookReceiver.Headers headers, byte[] body, String secret) {
        if (secret == null || secret.isEmpty()) return false;
        String signature = first(headers.get("X-Hub-Signature-256"), headers.get("X-Hub-Signature"), headers.get("X-Gitea-Signature"));
        if (signature != null) {
            String hex = signature.startsWith("sha256=") ? signature.substring(7) : signature;
            return equal(hex.toLowerCase(Locale.ROOT), hmac(secret, body));
        }
        String token = headers.get("X-Gitlab-Token");
        String authorization = headers.get("Authorization");
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        return token != null && equal(token, secret);
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
