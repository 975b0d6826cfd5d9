package dev.portolan.server.ui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser that opens a path nothing answers gets a 404 page in the UI's layout; the API keeps its JSON 404. */
class NotFoundPageTest extends UiTest {

    @Test
    void aSignedInBrowserGetsTheNotFoundPageInTheLayout() {
        Page page = signInAsAdmin();
        Response response = page.navigate(url("/no/such/page?x=<b>"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().get("content-type")).startsWith("text/html");
        assertThat(page.locator("h1").textContent()).isEqualTo("Not found");
        assertThat(page.locator(".error-page").textContent()).contains("There is no page at /no/such/page");
        assertThat(page.locator("nav").first().isVisible()).isTrue();
        assertThat(page.title()).contains("Not found");
        screenshot(page, "not-found");
    }

    @Test
    void aSignedOutBrowserGetsItToo() {
        Page page = newPage();
        Response response = page.navigate(url("/nowhere"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1").textContent()).isEqualTo("Not found");
    }

    @Test
    void apiPathsAndJsonClientsKeepTheJson404() {
        Page page = signInAsAdmin();
        APIResponse api = page.request().get(url("/v1/no-such-endpoint"), RequestOptions.create()
                .setHeader("Accept", "text/html,application/xhtml+xml").setHeader("Authorization", "Bearer " + api().token()));
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().get("content-type")).startsWith("application/json");
        assertThat(api.text()).contains("\"error\":\"not_found\"");

        APIResponse json = page.request().get(url("/no/such/page"), RequestOptions.create().setHeader("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.text()).contains("\"error\":\"not_found\"");
    }

    @Test
    void aPageThatFindsNothingStillShowsItsOwnMessage() {
        Page page = signInAsAdmin();
        Response response = page.navigate(url("/catalog/no_such_blueprint"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator(".error-page").textContent()).contains("no_such_blueprint");
    }
}
