package dev.portolan.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/auth/access_token} and the bearer token every other {@code /v1} call needs. */
class AuthApiTest {

    private static final String JWT_HEADER = b64(Json.write(Json.object().put("alg", "HS256").put("typ", "JWT")));

    @ApiTest
    void issuesABearerTokenForAValidClientIdAndSecret(ApiServer server) {
        ApiResponse response = server.anonymous().post("/v1/auth/access_token",
                credentials(ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET)).expect(200);

        assertThat(response.get("accessToken").asText()).isNotBlank();
        assertThat(response.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(response.get("expiresIn").asLong()).isPositive();
        server.anonymous().withToken(response.get("accessToken").asText()).get("/v1/blueprints").expect(200);
    }

    @ApiTest
    void refusesAWrongSecretWith401(ApiServer server) {
        server.anonymous().post("/v1/auth/access_token", credentials(ApiServer.ADMIN_CLIENT_ID, "not-the-secret"))
                .expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesAnUnknownClientIdWith401(ApiServer server) {
        server.anonymous().post("/v1/auth/access_token", credentials("nobody", ApiServer.ADMIN_CLIENT_SECRET))
                .expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesATokenRequestWithoutClientIdOrSecretWith400(ApiServer server) {
        server.anonymous().post("/v1/auth/access_token", "{clientId: 'x'}").expect(400);
        server.anonymous().post("/v1/auth/access_token", "{clientId: 1, clientSecret: 2}").expect(400);
        server.anonymous().send("POST", "/v1/auth/access_token", "{\"clientId\": ").expect(400);
    }

    @ApiTest
    void refusesACallWithoutATokenWith401(ApiServer server) {
        server.anonymous().get("/v1/blueprints").expectError(401, "unauthorized");
        server.anonymous().post("/v1/entities/search", "{combinator: 'and', rules: []}").expectError(401, "unauthorized");
        server.anonymous().get("/v1/audit-log").expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesMalformedAuthorizationHeadersWith401(ApiServer server) {
        ApiClient client = server.anonymous();
        String token = server.admin().token();
        for (String header : List.of("", "Bearer", "Bearer ", "Basic " + token, "Token " + token, "Bearer not-a-jwt",
                "Bearer a.b.c", "Bearer " + token + "x", "Bearer " + token.substring(0, token.length() - 4),
                "Bearer ..", "Bearer " + JWT_HEADER + ".%%%." + "%%%")) {
            client.send("GET", "/v1/blueprints", null, header).expectError(401, "unauthorized");
        }
    }

    @ApiTest
    void refusesATokenWhoseClaimsWereChangedWith401(ApiServer server) {
        ApiServer.Caller member = server.newCaller("member");
        String[] parts = member.client().token().split("\\.");
        ObjectNode claims = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("role", "admin");
        String forged = parts[0] + "." + b64(Json.write(claims)) + "." + parts[2];

        server.anonymous().withToken(forged).get("/v1/blueprints").expectError(401, "unauthorized");
        server.anonymous().withToken(forged).post("/v1/blueprints", "{identifier: 'forged'}").expectError(401, "unauthorized");
        server.admin().get("/v1/blueprints/forged").expect(404);
    }

    @ApiTest
    void refusesATokenSignedWithAnotherKeyWith401(ApiServer server) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = Json.object().put("iss", "portolan").put("sub", ApiServer.ADMIN_CLIENT_ID).put("role", "admin")
                .put("iat", now).put("exp", now + 3600);

        server.anonymous().withToken(sign(claims, "some-other-key")).get("/v1/blueprints").expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesAnUnsignedTokenWith401(ApiServer server) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(Json.write(Json.object().put("iss", "portolan").put("sub", ApiServer.ADMIN_CLIENT_ID)
                .put("role", "admin").put("iat", now).put("exp", now + 3600)));

        server.anonymous().withToken(header + "." + payload + ".").get("/v1/blueprints").expectError(401, "unauthorized");
        server.anonymous().withToken(JWT_HEADER + "." + payload + ".").get("/v1/blueprints").expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesAnExpiredTokenWith401(ApiServer shared) {
        // A token that lives zero seconds is expired as soon as it is issued: no waiting needed.
        try (ApiServer server = ApiServer.start(shared.dialect(), settings -> settings.withTokenTtl(Duration.ZERO))) {
            ApiResponse issued = server.anonymous().post("/v1/auth/access_token",
                    credentials(ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET)).expect(200);

            server.anonymous().withToken(issued.get("accessToken").asText()).get("/v1/blueprints")
                    .expectError(401, "unauthorized");
        }
    }

    @ApiTest
    void refusesAnExpiredTokenWithAForgedSignatureWith401(ApiServer server) {
        long past = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        ObjectNode claims = Json.object().put("iss", "portolan").put("sub", ApiServer.ADMIN_CLIENT_ID).put("role", "admin")
                .put("iat", past - 3600).put("exp", past);

        server.anonymous().withToken(sign(claims, "guessed-key")).get("/v1/blueprints").expectError(401, "unauthorized");
    }

    @ApiTest
    void refusesTheTokenOfADeletedCredentialWith401(ApiServer server) {
        ApiServer.Caller member = server.newCaller("member");
        member.client().get("/v1/blueprints").expect(200);

        server.admin().delete("/v1/credentials/" + member.clientId()).expect(200);

        member.client().get("/v1/blueprints").expectError(401, "unauthorized");
        server.anonymous().post("/v1/auth/access_token", credentials(member.clientId(), member.clientSecret()))
                .expectError(401, "unauthorized");
    }

    @ApiTest
    void aTokenOfADeletedAdminCredentialGrantsNothingWhenItsClientIdIsReusedForAMember(ApiServer server) {
        ApiServer.Caller admin = server.newCaller("admin");
        admin.client().get("/v1/credentials").expect(200);

        server.admin().delete("/v1/credentials/" + admin.clientId()).expect(200);
        server.admin().post("/v1/credentials", Json.object().put("clientId", admin.clientId()).put("role", "member"))
                .expect(201);

        admin.client().get("/v1/credentials").expectError(401, "unauthorized");
        admin.client().post("/v1/blueprints", "{identifier: 'escalated'}").expectError(401, "unauthorized");
        server.admin().get("/v1/blueprints/escalated").expect(404);
    }

    @ApiTest
    void aTokenCarriesTheRoleOfItsStoredCredentialNotOneOfItsOwn(ApiServer server) {
        ApiServer.Caller member = server.newCaller("member");
        String[] parts = member.client().token().split("\\.");
        ObjectNode claims = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));

        assertThat(claims.has("role")).as("the token states no role to trust").isFalse();
        member.client().get("/v1/credentials").expectError(403, "forbidden");
    }

    @ApiTest
    void refusesTokenRequestsWith429AndRetryAfterOnceAClientIdHadTooManyWrongSecrets(ApiServer shared) {
        try (ApiServer server = ApiServer.start(shared.dialect(),
                settings -> settings.withLoginLimits(new LoginThrottle.Limits(5, 100, Duration.ofMinutes(5))))) {
            ApiServer.Caller member = server.newCaller("member");
            for (int i = 0; i < 5; i++) {
                server.anonymous().post("/v1/auth/access_token", credentials(member.clientId(), "guess-" + i))
                        .expectError(401, "unauthorized");
            }

            ApiResponse throttled = server.anonymous().post("/v1/auth/access_token",
                    credentials(member.clientId(), member.clientSecret())).expectError(429, "too_many_requests");
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
            server.anonymous().post("/v1/auth/access_token", credentials(ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET))
                    .expect(200);
        }
    }

    @ApiTest
    void refusesTokenRequestsWith429OnceAnAddressHadTooManyFailuresAcrossClientIds(ApiServer shared) {
        try (ApiServer server = ApiServer.start(shared.dialect(),
                settings -> settings.withLoginLimits(new LoginThrottle.Limits(100, 5, Duration.ofMinutes(5))))) {
            for (int i = 0; i < 5; i++) {
                server.anonymous().post("/v1/auth/access_token", credentials("guess-" + i, "x")).expectError(401, "unauthorized");
            }

            server.anonymous().post("/v1/auth/access_token", credentials(ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET))
                    .expectError(429, "too_many_requests");
        }
    }

    @ApiTest
    void answersHealthWithoutAToken(ApiServer server) {
        assertThat(server.anonymous().get("/health").expect(200).get("ok").asBoolean()).isTrue();
    }

    private static ObjectNode credentials(String clientId, String clientSecret) {
        return Json.object().put("clientId", clientId).put("clientSecret", clientSecret);
    }

    private static String sign(ObjectNode claims, String key) {
        String input = JWT_HEADER + "." + b64(Json.write(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
