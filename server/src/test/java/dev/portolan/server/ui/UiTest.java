package dev.portolan.server.ui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import dev.portolan.server.ServerSettings;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: one real server per test class (SQLite; storage itself is tested on
 * both dialects elsewhere), a fresh browser context per test (no cookies carried over), and
 * helpers to sign in and to set data up through the {@code /v1} API.
 *
 * <pre>{@code
 * class MyPageTest extends UiTest {
 *     @Test void showsTheThing() {
 *         Page page = signInAsAdmin();
 *         page.navigate(url("/my-page"));
 *         assertThat(page.locator("h1").textContent()).isEqualTo("My page");
 *         screenshot(page, "my-page");
 *     }
 * }
 * }</pre>
 *
 * Every test also fails when the page logged a Content-Security-Policy violation or a script error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiTest {

    protected ApiServer server;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void startServer() {
        server = ApiServer.start("sqlite", this::settings);
    }

    /** The settings of the class's server: a test class may adjust them (where it was started, ...). */
    protected ServerSettings settings(ServerSettings defaults) {
        return defaults;
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void clearConsole() {
        consoleErrors.clear();
    }

    @AfterEach
    void closeContextsAndCheckConsole() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(consoleErrors).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The admin's API client, to set data up the way a program would. */
    protected ApiClient api() {
        return server.admin();
    }

    /** A new browser tab with no session, 1280 px wide. */
    protected Page newPage() {
        BrowserContext context = Browser.get().newContext(new NewContextOptions().setViewportSize(1280, 800));
        contexts.add(context);
        Page page = context.newPage();
        // A page answered with 401/403/422 is logged by Chromium as "Failed to load resource": that is the
        // test's business. A missing stylesheet, script or image is not.
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.request().resourceType().equals("document")
                    && !response.request().resourceType().equals("fetch") && !response.request().resourceType().equals("xhr")) {
                consoleErrors.add(response.status() + " for " + response.url());
            }
        });
        page.onPageError(consoleErrors::add);
        return page;
    }

    /** Signs in through the sign-in form and returns the tab, on the home page. */
    protected Page signIn(String clientId, String clientSecret) {
        Page page = newPage();
        page.navigate(url("/signin"));
        page.getByLabel("Client id").fill(clientId);
        page.getByLabel("Client secret").fill(clientSecret);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
        return page;
    }

    protected Page signInAsAdmin() {
        return signIn(ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET);
    }

    /** A new member credential, signed in. */
    protected Page signInAsMember() {
        ApiServer.Caller member = server.newCaller("member");
        return signIn(member.clientId(), member.clientSecret());
    }

    protected static void screenshot(Page page, String name) {
        Screenshots.save(page, name);
    }
}
