package dev.portolan.server.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.portolan.server.ServerSettings;
import dev.portolan.server.testing.GitRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's one-click install on the Git repository the server was started from. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartPageTest extends UiTest {

    private Path repository;

    @Override
    protected ServerSettings settings(ServerSettings defaults) {
        try {
            repository = GitRepositories.create(Files.createTempDirectory("portolan-quickstart-ui-").resolve("storefront"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return defaults.withWorkingDirectory(repository);
    }

    @AfterAll
    void deleteRepository() throws IOException {
        try (Stream<Path> files = Files.walk(repository.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Locator button(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Catalog this repository"));
    }

    @Test
    @Order(1)
    void aMemberIsNotOfferedTheInstall() {
        Page page = signInAsMember();

        assertThat(page.locator("h1").textContent()).isEqualTo("Your catalog");
        assertThat(button(page).count()).isZero();
    }

    @Test
    @Order(2)
    void anAdminCatalogsTheRepositoryInOneClickAndSeesItsServiceThenTheButtonIsGone() {
        Page page = signInAsAdmin();
        assertThat(page.locator(".empty-state").textContent()).contains(repository.toString());
        screenshot(page, "home-quickstart");

        button(page).click();

        page.waitForURL(url("/datasources/git"));
        page.locator("[data-testid=sync-state]", new Page.LocatorOptions().setHasText("completed"))
                .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        page.navigate(url("/catalog/service"));
        assertThat(page.locator("main").textContent()).contains("storefront");
        page.navigate(url("/"));
        assertThat(button(page).count()).isZero();
        assertThat(page.locator("a.list-main[href='/datasources/git']").count()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void theGitInstallFormComesFromItsSettingsAndRefusesAFolderOutsideTheAllowedOnesAtItsField() throws Exception {
        Path inside = GitRepositories.create(server.dataDirectory().resolve("repos/billing"));
        Page page = signInAsAdmin();
        page.navigate(url("/integration-types/git/install"));
        assertThat(page.getByLabel("Scan depth").inputValue()).isEqualTo("3");
        assertThat(page.getByLabel("Webhook secret").getAttribute("type")).isEqualTo("password");
        page.getByLabel("Identifier").fill("repos");

        page.getByLabel("Repositories").fill("[\"/etc\"]");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install and sync")).click();
        assertThat(page.locator("[data-setting=repositories] .field-error").textContent())
                .contains("'/etc' is outside the folders files may be read from");
        screenshot(page, "git-install-refused");

        page.getByLabel("Repositories").fill("[\"" + inside + "\"]");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install and sync")).click();
        page.waitForURL(url("/datasources/repos"));
        page.locator("[data-testid=sync-state]", new Page.LocatorOptions().setHasText("completed"))
                .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        api().get("/v1/blueprints/service/entities/billing").expect(200);
    }

    @Test
    @Order(0)
    void aPostWithoutTheFormsCsrfTokenIsRefusedAndInstallsNothing() {
        Page page = signInAsAdmin();

        var response = page.request().post(url("/quickstart/git"));

        assertThat(response.status()).isEqualTo(403);
        api().get("/v1/integration/git").expect(404);
    }
}
