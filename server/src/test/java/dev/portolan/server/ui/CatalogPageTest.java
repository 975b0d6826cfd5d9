package dev.portolan.server.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogPageTest extends UiTest {

    @BeforeAll
    void loadCatalog() {
        CatalogFixture.load(api());
    }

    private List<String> titles(Page page) {
        return page.locator("table tbody tr td:first-child a").allTextContents();
    }

    @Test
    void theCatalogPageListsEntitiesAndPagesWithTheKeysetCursor() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service"));
        assertThat(page.locator("h1")).hasText("Service");
        assertThat(page.locator("table tbody tr")).hasCount(50);
        assertThat(page.locator("thead")).containsText("Tier");
        assertThat(page.locator("thead")).containsText("Owner");
        screenshot(page, "catalog-service");

        page.getByText("Next page »").click();
        assertThat(page.locator(".pager")).containsText("Page 2");
        assertThat(page.locator("table tbody tr")).hasCount(13);
        assertThat(page.url()).contains("from=");
        page.goBack();
        assertThat(page.locator(".pager")).containsText("Page 1");
    }

    @Test
    void typingInTheSearchBoxFiltersInTheDatabaseAndKeepsTheStateInTheUrl() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service"));
        page.getByPlaceholder("Search by title or identifier…").fill("checkout");
        page.waitForURL(u -> u.contains("q=checkout"));
        assertThat(page.locator("table tbody tr")).hasCount(1);
        assertThat(page.locator("table tbody")).containsText("Checkout");

        page.reload();
        assertThat(page.locator("table tbody tr")).hasCount(1);
        assertThat(page.getByPlaceholder("Search by title or identifier…")).hasValue("checkout");
    }

    @Test
    void filtersFromTheSearchLanguageCombineAndSortingFollowsTheHeaders() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service"));
        Locator newRow = page.locator(".filter-row").last();
        newRow.locator("select[name=fp]").selectOption("tier");
        newRow.locator("select[name=fo]").selectOption("=");
        newRow.locator("input[name=fv]").fill("3");
        page.getByText("Apply filters").click();
        page.waitForURL(u -> u.contains("fp=tier"));
        assertThat(page.locator("table tbody tr")).hasCount(15);

        newRow = page.locator(".filter-row").last();
        newRow.locator("select[name=fp]").selectOption("language");
        newRow.locator("select[name=fo]").selectOption("=");
        newRow.locator("input[name=fv]").fill("go");
        page.getByText("Apply filters").click();
        page.waitForURL(u -> u.contains("fp=language"));
        assertThat(page.locator("table tbody tr")).hasCount(5); // tier 3 and divisible by 3: 3, 15, 27, 39, 51
        screenshot(page, "catalog-filtered");

        page.locator("thead a", new Page.LocatorOptions().setHasText("Title")).click();
        page.waitForURL(u -> u.contains("sort=%24title"));
        assertThat(titles(page)).containsExactly("Service 03", "Service 15", "Service 27", "Service 39", "Service 51");
        page.locator("thead a", new Page.LocatorOptions().setHasText("Title")).click();
        page.waitForURL(u -> u.contains("dir=desc"));
        assertThat(titles(page)).containsExactly("Service 51", "Service 39", "Service 27", "Service 15", "Service 03");
    }

    @Test
    void aFilterThatDoesNotFitIsExplainedNotFailed() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service?fp=%24nope&fo=%3D&fv=x"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("This search cannot run");
    }

    @Test
    void sortingByANumberPropertyPagesThroughEveryEntityOnce() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service?sort=tier&size=25"));
        List<String> seen = new java.util.ArrayList<>(titles(page));
        while (page.getByText("Next page »").count() > 0) {
            page.getByText("Next page »").click();
            page.waitForLoadState();
            seen.addAll(titles(page));
        }
        assertThat(seen).hasSize(63).doesNotHaveDuplicates();
    }

    @Test
    void theChosenColumnsLiveInTheUrl() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service?col=language&col=active"));
        assertThat(page.locator("thead th")).hasCount(3);
        assertThat(page.locator("thead")).containsText("Language");
        assertThat(page.locator("thead")).not().containsText("Tier");
    }

    @Test
    void theCurrentResultExportsAsCsvAndJson() throws Exception {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service?fp=tier&fo=%3D&fv=3"));
        Download csv = page.waitForDownload(() -> page.getByText("Export CSV").click());
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines).hasSize(16);
        assertThat(lines.getFirst()).startsWith("identifier,title,");
        Download json = page.waitForDownload(() -> page.getByText("Export JSON").click());
        assertThat(Files.readString(json.path())).startsWith("[{").contains("\"identifier\":\"svc-03\"");
    }

    @Test
    void anEntityTitledWithMarkupShowsAsTextAndAJavascriptUrlIsNotALink() {
        Page page = signInAsAdmin();
        page.navigate(url("/catalog/service?q=evil&col=url"));
        assertThat(page.locator("table tbody")).containsText(CatalogFixture.XSS_TITLE);
        assertThat(page.locator("table tbody img")).hasCount(0);
        assertThat(page.locator("a[href^='javascript']")).hasCount(0);
        page.getByText(CatalogFixture.XSS_TITLE).click();
        assertThat(page.locator("h1")).hasText(CatalogFixture.XSS_TITLE);
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.locator("a[href^='javascript']")).hasCount(0);
        screenshot(page, "entity-xss-as-text");
    }
}
