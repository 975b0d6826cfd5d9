package dev.portolan.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Hmac;
import dev.portolan.catalog.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and checks access tokens: JWTs signed with HMAC-SHA256. The signing key lives in the
 * database (see {@link dev.portolan.server.PortolanServer}), so every server replica sharing one
 * PostgreSQL accepts the tokens of the others. Thread-safe.
 */
public final class TokenService {

    private static final String HEADER = b64(Json.write(Json.object().put("alg", "HS256").put("typ", "JWT"))
            .getBytes(StandardCharsets.UTF_8));
    private static final String ISSUER = "portolan";

    private final Hmac hmac;
    private final Clock clock;
    private final Duration ttl;

    public TokenService(byte[] key, Clock clock, Duration ttl) {
        this.hmac = new Hmac(key);
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(Credential credential) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = Json.object()
                .put("iss", ISSUER)
                .put("sub", credential.clientId())
                .put("ver", credential.version())
                .put("iat", now)
                .put("exp", now + ttl.toSeconds());
        String payload = b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + b64(hmac.sign(signingInput));
    }

    /**
     * The credential a valid, unexpired token of ours was issued to; empty for anything else. What
     * that credential may do is not in the token: it is read from the stored credential, which
     * must still be the same instance ({@link TokenSubject#isIssuedTo}).
     */
    public Optional<TokenSubject> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) return Optional.empty();
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!hmac.verify(parts[0] + "." + parts[1], signature)) return Optional.empty();
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!ISSUER.equals(claims.path("iss").asText()) || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            if (!claims.path("sub").isTextual() || !claims.path("ver").isTextual()) return Optional.empty();
            return Optional.of(new TokenSubject(claims.get("sub").asText(), claims.get("ver").asText()));
        } catch (Exception e) {
            return Optional.empty(); // well signed but unreadable: treat as any other bad token
        }
    }


    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
