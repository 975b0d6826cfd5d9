package dev.portolan.server.ui;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class AuditPageTest extends UiTest {

    @BeforeAll
    void loadCatalog() {
        CatalogFixture.load(api());
        api().delete("/v1/blueprints/service/entities/svc-07").expect(200);
    }

    @Test
    void theAuditLogListsChangesNewestFirstAndFiltersLikeTheApi() {
        Page page = signInAsAdmin();
        page.navigate(url("/audit"));
        assertThat(page.locator("h1")).hasText("Audit log");
        assertThat(page.locator("tbody tr")).hasCount(50);
        assertThat(page.locator("tbody tr").first()).containsText("delete");
        assertThat(page.locator("tbody tr").first()).containsText("svc-07");
        screenshot(page, "audit");

        page.locator("select[name=resources]").selectOption("blueprint");
        page.getByText("Apply filters").click();
        assertThat(page.locator("tbody tr")).hasCount(2);
        page.getByText("Clear filters").click();
        page.getByText("Older »").click();
        assertThat(page.locator("tbody tr")).not().hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("to=");
    }
}
