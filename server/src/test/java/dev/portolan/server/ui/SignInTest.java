package dev.portolan.server.ui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.portolan.server.testing.ApiServer;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class SignInTest extends UiTest {

    @Test
    void aNewcomerSignsInWithTheAdminCredentialAndSeesTheEmptyHome() {
        Page page = newPage();
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/signin?next=%2F"));
        screenshot(page, "signin");

        page.getByLabel("Client id").fill(ApiServer.ADMIN_CLIENT_ID);
        page.getByLabel("Client secret").fill(ApiServer.ADMIN_CLIENT_SECRET);
        page.getByText("Sign in", new Page.GetByTextOptions().setExact(true)).last().click();

        assertThat(page).hasURL(url("/"));
        assertThat(page).hasTitle("Home · Portolan");
        assertThat(page.locator(".empty-state h2")).hasText("Start by connecting a tool");
        assertThat(page.getByText("Install an integration")).isVisible();
        assertThat(page.locator("nav.mainnav a[href='/datasources']")).hasText("Data sources");
        screenshot(page, "home-empty");
    }

    @Test
    void aWrongSecretIsRefusedWithAMessageAndNoSession() {
        Page page = newPage();
        page.navigate(url("/signin"));
        page.getByLabel("Client id").fill(ApiServer.ADMIN_CLIENT_ID);
        page.getByLabel("Client secret").fill("not-the-secret");
        page.locator("form button[type=submit]").click();

        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .hasText("Unknown client id or wrong client secret.");
        assertThat(page.getByLabel("Client id")).hasValue(ApiServer.ADMIN_CLIENT_ID);
        assertThat(page.context().cookies()).extracting(c -> c.name).doesNotContain("portolan_session");
    }

    @Test
    void afterSigningInTheBrowserReturnsToThePageItAskedFor() {
        Page page = newPage();
        page.navigate(url("/?tab=integrations"));
        assertThat(page).hasURL(url("/signin?next=%2F%3Ftab%3Dintegrations"));
        page.getByLabel("Client id").fill(ApiServer.ADMIN_CLIENT_ID);
        page.getByLabel("Client secret").fill(ApiServer.ADMIN_CLIENT_SECRET);
        page.locator("form button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/signin"));
        assertThat(page.url()).isEqualTo(url("/?tab=integrations"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Page page = signInAsAdmin();
        Cookie session = page.context().cookies().stream().filter(c -> c.name.equals("portolan_session")).findFirst().orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
        assertThat(session.secure).as("plain http here; Secure is set on https").isFalse();
    }

    @Test
    void signingOutEndsTheSession() {
        Page page = signInAsAdmin();
        page.getByText("Sign out").click();
        assertThat(page).hasURL(url("/signin"));
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/signin?next=%2F"));
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        Page page = signInAsAdmin();
        // What a forged cross-site form would send: the browser's cookie, but not the page's token.
        APIResponse forged = page.request().post(url("/signout"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", "guessed")).setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("did not come from this Portolan page");

        page.navigate(url("/"));
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void aSessionEndsWhenItsCredentialIsDeletedAndDoesNotPassToANewOneOfTheSameName() {
        ApiServer.Caller member = server.newCaller("member");
        Page page = signIn(member.clientId(), member.clientSecret());
        api().delete("/v1/credentials/" + member.clientId()).expect(200);
        api().post("/v1/credentials", "{clientId: '" + member.clientId() + "', role: 'admin'}").expect(201);
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/signin?next=%2F"));
    }

    @Test
    void failedAttemptsThroughTheApiAndTheFormCountTogether() {
        ApiServer.Caller member = server.newCaller("member");
        for (int i = 0; i < 10; i++) {
            server.anonymous().post("/v1/auth/access_token", "{clientId: '" + member.clientId() + "', clientSecret: 'wrong'}").expect(401);
        }
        Page page = newPage();
        page.navigate(url("/signin"));
        page.getByLabel("Client id").fill(member.clientId());
        page.getByLabel("Client secret").fill(member.clientSecret());
        page.locator("form button[type=submit]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("Too many failed attempts");
        assertThat(page.context().cookies()).extracting(c -> c.name).doesNotContain("portolan_session");
    }

    @Test
    void aMemberSeesNoAdminControls() {
        Page page = signInAsMember();
        assertThat(page.locator(".badge")).hasText("member");
        assertThat(page.getByText("Install an integration")).hasCount(0);
        assertThat(page.getByText("Installing integrations needs the admin role")).isVisible();
        screenshot(page, "home-empty-member");
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() {
        Page page = newPage();
        Response response = page.navigate(url("/signin"));
        String policy = response.headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(policy).contains("frame-ancestors 'none'");
        assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void aNextPageOnAnotherSiteIsIgnored() {
        Page page = newPage();
        page.navigate(url("/signin?next=//evil.example/"));
        page.getByLabel("Client id").fill(ApiServer.ADMIN_CLIENT_ID);
        page.getByLabel("Client secret").fill(ApiServer.ADMIN_CLIENT_SECRET);
        page.locator("form button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/signin"));
        assertThat(page.url()).isEqualTo(url("/"));
    }
}
