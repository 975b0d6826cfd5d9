package dev.portolan.server.ui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class EntityPageTest extends UiTest {

    @BeforeAll
    void loadCatalog() {
        CatalogFixture.load(api());
    }

    @Test
    void anEntityPageShowsValuesByFormatAndRelationsBothWays() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service/entities/checkout"));
        assertThat(page.locator(".page-head h1")).hasText("Checkout");
        assertThat(page.locator("a.ext-link")).hasAttribute("href", "https://git.example.com/checkout");
        assertThat(page.locator(".markdown strong")).hasText("payments");
        assertThat(page.locator(".markdown")).containsText("<script>alert(2)</script>");
        assertThat(page.locator(".markdown script")).hasCount(0);
        assertThat(page.locator(".chip", new Page.LocatorOptions().setHasText("pci"))).isVisible();
        assertThat(page.locator(".bool-true")).isVisible();
        screenshot(page, "entity-checkout");

        // Outgoing: Checkout depends on svc-01; follow it.
        page.locator("a.chip-link", new Page.LocatorOptions().setHasText("svc-01")).click();
        assertThat(page.locator(".page-head h1")).hasText("Service 01");
        // Incoming: svc-01 is depended on by Checkout; follow it back.
        assertThat(page.locator(".incoming")).containsText("via Depends on");
        page.locator(".incoming a.chip-link", new Page.LocatorOptions().setHasText("Checkout")).click();
        assertThat(page.locator(".page-head h1")).hasText("Checkout");

        page.navigate(url("/catalog/team/entities/payments"));
        assertThat(page.locator(".incoming .count")).hasText("10+");
        page.getByText("See all in the catalog →").click();
        assertThat(page.locator("table tbody tr")).hasCount(32); // the 30 even services, checkout and cart
        screenshot(page, "entity-team-incoming");
    }

    @Test
    void theHistoryShowsEachChangeWithBeforeAndAfter() {
        api().patch("/v1/blueprints/service/entities/svc-10", "{properties: {tier: 3}}").expect(200);
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service/entities/svc-10"));
        assertThat(page.locator(".timeline-item")).hasCount(2);
        assertThat(page.locator(".timeline-item").first()).containsText("update");
        assertThat(page.locator(".timeline-item").first().locator("tbody")).containsText("properties.tier");
        assertThat(page.locator(".timeline-item").first().locator(".diff-before")).hasText("2");
        assertThat(page.locator(".timeline-item").first().locator(".diff-after")).hasText("3");
    }

    @Test
    void anInvalidValueIsShownAtItsFieldAndNothingIsSaved() {
        Page page = signInAsMember();
        page.navigate(url("/catalog/service/entities/svc-20"));
        page.getByText("Edit", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Tier").fill("not a number");
        page.getByLabel("Repository").fill("not a url");
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.locator(".field.has-error")).hasCount(2);
        assertThat(page.locator(".field.has-error").first()).containsText("Tier");
        assertThat(page.locator(".field.has-error").first().locator(".field-error")).containsText("number");
        assertThat(page.locator(".alert-error")).containsText("Nothing was saved");
        screenshot(page, "entity-edit-invalid");
        assertThat(api().get("/v1/blueprints/service/entities/svc-20").expect(200).get("entity").path("properties").path("tier").asInt())
                .isEqualTo(0);

        page.getByLabel("Tier").fill("2");
        page.getByLabel("Repository").fill("https://git.example.com/svc-20-new");
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".page-head h1")).hasText("Service 20");
        assertThat(api().get("/v1/blueprints/service/entities/svc-20").expect(200).get("entity").path("properties").path("tier").asInt())
                .isEqualTo(2);
        assertThat(page.locator(".timeline-item").first()).containsText("member-");
    }

    @Test
    void aForgedEditWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Page page = signInAsAdmin();
        APIResponse forged = page.request().post(url("/catalog/service/entities/svc-30/edit"),
                RequestOptions.create().setForm(FormData.create().set("title", "Hacked").set("properties.tier", "1")).setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api().get("/v1/blueprints/service/entities/svc-30").expect(200).get("entity").path("title").asText())
                .isEqualTo("Service 30");
    }

    @Test
    void deletingAnEntityTakesItOutOfTheCatalog() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service/entities/svc-59"));
        page.onDialog(dialog -> dialog.accept());
        page.getByText("Delete this entity").click();
        assertThat(page).hasURL(url("/catalog/service"));
        api().get("/v1/blueprints/service/entities/svc-59").expect(404);
    }
}
