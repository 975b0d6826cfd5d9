package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Acting as a GitHub App: a signed JWT buys installation tokens, renewed before they expire. */
class AppAuthTest {

    private GithubHarness sync;
    private KeyPair keys;

    @BeforeEach
    void setUp() throws Exception {
        sync = new GithubHarness();
        Fixtures.acme(sync.github);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @AfterEach
    void tearDown() {
        sync.close();
    }

    /** The key as GitHub hands it out: PKCS#1 PEM. */
    private String pkcs1Pem() throws Exception {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        // PKCS#8 is SEQUENCE { version, algorithm, OCTET STRING { the PKCS#1 key } }: take the key back out.
        int at = 1 + lengthOfLength(pkcs8, 1); // past the outer SEQUENCE's tag and length
        at += 3 + 15; // version (02 01 00) and rsaEncryption's AlgorithmIdentifier
        at += 1 + lengthOfLength(pkcs8, at + 1); // the OCTET STRING's tag and length
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, at, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static int lengthOfLength(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private void actAsApp(Duration tokenTtl) throws Exception {
        sync.github.app("123", keys.getPublic(), tokenTtl);
        sync.settings(Json.object().put("githubHost", sync.github.url()).put("githubAppId", "123")
                .put("githubAppPrivateKey", pkcs1Pem()).put("githubOrganization", FakeGithub.ORG));
    }

    @Test
    void anAppAuthenticatesWithAnInstallationTokenBoughtWithItsJwt() throws Exception {
        actAsApp(Duration.ofHours(1));

        SyncReport report = sync.resync(sync.defaultMapping());

        assertThat(report.state()).as(report.toJson().toPrettyString()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.github.installationTokensIssued()).isEqualTo(1);
        assertThat(sync.github.requests()).filteredOn(r -> r.pathAndQuery().startsWith("/repos/"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer ghs_installation_1"));
    }

    @Test
    void theInstallationTokenIsRenewedBeforeItExpiresInTheMiddleOfAResync() throws Exception {
        actAsApp(Duration.ofMinutes(7));
        // Half-way through the pull requests GitHub asks to wait three minutes: the token then has less than
        // five minutes left and is replaced before the next request.
        sync.github.fail(FakeGithub.pathContains("/repos/acme/web/pulls"), 429, Map.of("retry-after", "180"), "", 1);

        SyncReport report = sync.resync(sync.defaultMapping());

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.github.installationTokensIssued()).isEqualTo(2);
        assertThat(sync.github.requests()).noneMatch(r -> r.status() == 401);
        assertThat(sync.requests("/repos/acme/api/pulls")).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer ghs_installation_1"));
        assertThat(sync.requests("/repos/acme/ops/pulls")).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer ghs_installation_2"));
    }

    @Test
    void anAppNeedsItsKeyAndItsOrganizationAndABadKeyIsNamedWithoutBeingRepeated() {
        assertThatThrownBy(() -> sync.integration.settings().parse(Json.object().put("githubAppId", "123")))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).violations()).extracting(v -> v.path())
                        .contains("settings.githubAppPrivateKey", "settings.githubOrganization"));
        assertThatThrownBy(() -> sync.integration.settings().parse(Json.object().put("githubAppId", "123")
                .put("githubAppPrivateKey", "not-a-key-at-all").put("githubOrganization", "acme")))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).violations().toString()).contains("PEM").doesNotContain("not-a-key-at-all"));
    }
}
