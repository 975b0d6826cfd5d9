package dev.portolan.server.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.portolan.server.testing.Ids;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's journey through Data sources in a real browser: install {@code custom} on a local
 * file, watch its first sync finish live, read the Sync Status, break the mapping and see the
 * problem at its line, test a mapping on the samples, save a good one, resync, and see in History
 * what changed. And a member sees no admin controls.
 */
class DataSourcesTest extends UiTest {

    /** {@code count} items as JSON lines: {id, name, url, size}. */
    private Path items(int count, int size) {
        try {
            Path file = Files.createTempFile(server.dataDirectory(), "items", ".jsonl");
            Files.writeString(file, IntStream.range(0, count)
                    .mapToObj(i -> "{\"id\": \"item-" + i + "\", \"name\": \"Item " + i + "\", \"url\": \"https://example.com/" + i
                            + "\", \"size\": " + size + "}")
                    .collect(Collectors.joining("\n")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    /** Installs custom through the form; returns the integration's identifier. */
    private String install(Page page, Path file) {
        String id = Ids.unique("items");
        page.navigate(url("/datasources"));
        page.locator("li.list-row", new Page.LocatorOptions().setHasText("custom")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Install")).click();
        page.getByLabel("Identifier").fill(id);
        page.getByLabel("Kinds").fill("{\"item\": {\"url\": \"" + file.toUri() + "\"}}");
        button(page, "Install and sync").click();
        page.waitForURL(url("/datasources/" + id));
        return id;
    }

    /** A tab of the integration's page (the main navigation has an "Audit log" too). */
    private static Locator tab(Page page, String name) {
        return page.getByLabel("Integration").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
    }

    private static Locator resource(Page page, String kindIdentifier) {
        return page.locator("[data-testid=resource][data-kind=" + kindIdentifier + "]");
    }

    private static String metric(Locator resource, String name) {
        return resource.locator("[data-metric=" + name + "]").textContent().trim();
    }

    private static void awaitState(Page page, String state) {
        page.locator("[data-testid=sync-state]", new Page.LocatorOptions().setHasText(state))
                .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
    }

    @Test
    void anAdminInstallsCustomAndWatchesItsFirstSyncFinishLive() throws IOException {
        Page page = signInAsAdmin();
        page.navigate(url("/datasources"));
        screenshot(page, "datasources-list");
        page.locator("li.list-row", new Page.LocatorOptions().setHasText("custom")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Install")).click();
        page.getByLabel("Identifier").fill("files");
        page.getByLabel("Kinds").fill("{\"item\": {\"url\": \"ftp://nowhere/items\"}}");
        button(page, "Install and sync").click();

        Locator kindsField = page.locator("[data-setting=kinds] .field-error");
        assertThat(kindsField.textContent()).contains("item.url").contains("must start with http://, https:// or file:");
        screenshot(page, "datasources-install-refused");

        // The source holds its second page until released: the first resync is certainly running when its
        // page opens, with the first page counted; releasing it, the counters move on by themselves.
        try (HeldSource source = HeldSource.start(3, 2)) {
            page.getByLabel("Kinds").fill(source.kinds());
            button(page, "Install and sync").click();
            page.waitForURL(url("/datasources/files"));
            assertThat(page.locator("#sync-status").getAttribute("data-stream")).isEqualTo("/datasources/files/status/stream");
            resource(page, "item-0").locator("[data-metric=fetched]", new Locator.LocatorOptions().setHasText(Pattern.compile("^\\s*3\\s*$")))
                    .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            assertThat(page.locator("[data-testid=sync-state]").textContent()).contains("syncing");
            screenshot(page, "datasources-status-syncing");

            source.release();
            awaitState(page, "completed");
        }
        page.locator("#sync-status[data-finished]").waitFor();
        Locator item = resource(page, "item-0");
        assertThat(metric(item, "fetched")).isEqualTo("5");
        assertThat(metric(item, "ingested")).isEqualTo("5");
        assertThat(metric(item, "fetch-failed")).isEqualTo("0");
        assertThat(page.locator("[data-testid=header-state]").textContent()).isEqualTo("completed");
        screenshot(page, "datasources-status-completed");
    }

    @Test
    void theMappingEditorRefusesABrokenMappingAtItsLineTestsOnSamplesAndSavesAGoodOne() {
        Page page = signInAsAdmin();
        String id = install(page, items(3, 1));
        awaitState(page, "completed");

        tab(page, "Mapping").click();
        Locator yaml = page.locator("#yaml");
        String saved = yaml.inputValue();
        yaml.fill(BROKEN);
        button(page, "Save mapping").click();

        Locator problems = page.locator("[data-testid=mapping-problems]");
        assertThat(problems.textContent()).contains("line 3:").contains("unknown kind 'items'")
                .contains("line 8:").contains("resources[0].port.entity.mappings.title");
        assertThat(page.locator(".gutter li.err").allTextContents()).containsExactly("3", "8");
        assertThat(page.locator("#yaml").inputValue()).isEqualTo(BROKEN);
        screenshot(page, "datasources-mapping-refused");
        page.navigate(url("/datasources/" + id + "/mapping"));
        assertThat(page.locator("#yaml").inputValue()).isEqualTo(saved);

        page.locator("#yaml").fill(TWICE);
        button(page, "Test mapping").click();
        Locator results = page.locator("[data-testid=test-results]");
        results.waitFor();
        assertThat(results.locator("[data-testid=test-object]").count()).isEqualTo(6);
        assertThat(results.textContent()).contains("customItem / item-0").contains("customItem / item-0-copy");
        screenshot(page, "datasources-mapping-tested");

        page.locator("#pasted").fill("[{\"id\": \"x\", \"name\": \"X\", \"url\": \"not a url\"}]");
        page.locator("input[name=source][value=pasted]").check();
        button(page, "Test mapping").click();
        page.locator("[data-testid=test-results]", new Page.LocatorOptions().setHasText("The blueprint refuses it")).waitFor();
        assertThat(page.locator("[data-testid=test-results]").textContent()).contains("properties.url");

        button(page, "Save mapping").click();
        page.waitForURL(url("/datasources/" + id + "/mapping?saved=1"));
        assertThat(page.locator("#yaml").inputValue()).contains("-copy");
    }

    @Test
    void aSavedMappingKeepsItsCommentsUntilTheApiChangesIt() {
        Page page = signInAsAdmin();
        String id = install(page, items(2, 1));
        awaitState(page, "completed");
        page.navigate(url("/datasources/" + id + "/mapping"));
        page.locator("#yaml").fill(COMMENTED);
        button(page, "Save mapping").click();
        page.waitForURL(url("/datasources/" + id + "/mapping?saved=1"));
        page.navigate(url("/datasources/" + id + "/mapping"));
        assertThat(page.locator("#yaml").inputValue()).isEqualTo(COMMENTED);
        assertThat(api().get("/v1/integration/" + id).expect(200).get("integration").path("config").path("entityDeletionThreshold").asDouble())
                .isEqualTo(0.5);

        // Changed through the API: the kept text no longer says what the mapping says, so the stored mapping is shown.
        api().patch("/v1/integration/" + id + "/config", "{config: {entityDeletionThreshold: 0.25, resources: ["
                + "{kind: 'item', port: {entity: {mappings: {identifier: '.id', title: '.name', blueprint: '\"customItem\"'}}}}]}}").expect(200);
        page.navigate(url("/datasources/" + id + "/mapping"));
        assertThat(page.locator("#yaml").inputValue()).contains("entityDeletionThreshold: 0.25").doesNotContain("#");
    }

    /** A mapping with comments (whole lines and after values) and a layout of its own. */
    private static final String COMMENTED = """
            # Items from the inventory file.
            entityDeletionThreshold: 0.5   # delete at most half
            resources:
              - kind: item
                # every item becomes a customItem
                port:
                  entity:
                    mappings:
                      identifier: .id
                      title: .name     # the display name
                      blueprint: '"customItem"'
            """;

    /** A mapping with an unknown kind (line 3) and a jq expression that does not compile (line 8). */
    private static final String BROKEN = """
            entityDeletionThreshold: 1
            resources:
              - kind: items
                port:
                  entity:
                    mappings:
                      identifier: .id
                      title: .name |
                      blueprint: '"customItem"'
            """;

    /** The kind mapped twice: as is, and as a "-copy" of each item. */
    private static final String TWICE = """
            entityDeletionThreshold: 1
            resources:
              - kind: item
                port:
                  entity:
                    mappings:
                      identifier: .id
                      title: .name
                      blueprint: '"customItem"'
                      properties:
                        url: .url
                        raw: .
              - kind: item
                port:
                  entity:
                    mappings:
                      identifier: .id + "-copy"
                      title: .name + " (copy)"
                      blueprint: '"customItem"'
            """;

    @Test
    void afterAResyncTheStatusShowsTheKindMappedTwiceInOrderAndHistoryShowsWhatChanged() throws IOException {
        Page page = signInAsAdmin();
        Path file = items(4, 1);
        String id = install(page, file);
        awaitState(page, "completed");
        api().patch("/v1/integration/" + id + "/config", "{config: {entityDeletionThreshold: 1, resources: ["
                + "{kind: 'item', port: {entity: {mappings: {identifier: '.id', title: '.name', blueprint: '\"customItem\"', properties: {raw: '.'}}}}},"
                + "{kind: 'item', port: {entity: {mappings: {identifier: '.id + \"-copy\"', blueprint: '\"customItem\"'}}}}]}}").expect(200);
        Files.writeString(file, Files.readString(file).replace("\"size\": 1}", "\"size\": 2}").replace("{\"id\": \"item-3\"", "{\"id\": \"gone\""));

        button(page, "Resync").click();
        awaitState(page, "completed");

        assertThat(page.locator("[data-testid=resource]").evaluateAll("els => els.map(e => e.dataset.kind)")).isEqualTo(List.of("item-0", "item-1"));
        assertThat(metric(resource(page, "item-0"), "fetched")).isEqualTo("4");
        assertThat(metric(resource(page, "item-1"), "ingested")).isEqualTo("4");
        assertThat(metric(page.locator("[data-testid=reconciliation]"), "deleted")).isEqualTo("1");
        screenshot(page, "datasources-status-twice");

        tab(page, "History").click();
        assertThat(page.locator("[data-testid=sync-row]").count()).isEqualTo(2);
        page.locator("[data-testid=sync-row]").first().click();
        Locator changes = page.locator("[data-testid=change]");
        assertThat(changes.count()).isGreaterThanOrEqualTo(9);
        assertThat(page.locator("[data-testid=change][data-action=delete]").textContent()).contains("item-3");
        assertThat(page.locator("[data-testid=change][data-action=update]").first().textContent()).contains("properties.raw");
        screenshot(page, "datasources-history");

        page.selectOption("#action", "DELETE");
        page.waitForURL(u -> u.contains("action=DELETE"));
        assertThat(page.locator("[data-testid=change]").count()).isEqualTo(1);

        tab(page, "Event log").click();
        assertThat(page.locator("[data-testid=event]").count()).isGreaterThan(3);
        screenshot(page, "datasources-events");
        page.selectOption("#level", "WARN");
        page.waitForURL(u -> u.contains("level=WARN"));
        tab(page, "Audit log").click();
        assertThat(page.locator("[data-testid=change]").count()).isGreaterThanOrEqualTo(9);
        screenshot(page, "datasources-audit");
        tab(page, "Settings").click();
        screenshot(page, "datasources-settings");
    }

    @Test
    void anEntityPageShowsTheResyncAndResourceThatWroteItAndItsRawObjectAsText() throws IOException {
        String id = Ids.unique("prov");
        Path file = Files.createTempFile(server.dataDirectory(), "prov", ".jsonl");
        Files.writeString(file, "{\"id\": \"" + id + "-plain\", \"name\": \"Plain\"}\n"
                + "{\"id\": \"" + id + "-xss\", \"name\": \"<img src=x onerror=alert(1)>\", \"note\": \"</pre><script>alert(2)</script>\"}");
        Page page = signInAsAdmin();
        String integration = install(page, file);
        awaitState(page, "completed");
        var provenance = api().get("/v1/blueprints/customItem/entities/" + id + "-xss/provenance").expect(200).get("provenance");
        String resyncId = provenance.path("resyncId").asText();

        page.navigate(url("/catalog/customItem/entities/" + id + "-xss"));
        assertThat(page.locator(".page-head h1").textContent()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.locator("[data-testid=provenance-resync] a").textContent()).isEqualTo(resyncId);
        assertThat(page.locator("[data-testid=provenance-resource]").textContent()).isEqualTo("item-0");
        Locator sample = page.locator("[data-testid=provenance-sample]");
        assertThat(sample.textContent()).contains("object #2 of resource item-0").contains(resyncId);
        assertThat(sample.locator("pre").textContent()).contains("\"name\" : \"<img src=x onerror=alert(1)>\"")
                .contains("</pre><script>alert(2)</script>");
        assertThat(page.locator("main img, main script").count()).isZero();
        screenshot(page, "entity-provenance");

        page.locator("[data-testid=provenance-resync] a").click();
        page.waitForURL(u -> u.contains("/datasources/" + integration + "/history?resync="));
        assertThat(page.locator("[data-testid=change]").allTextContents()).anyMatch(text -> text.contains(id + "-xss"));
    }

    @Test
    void aMemberSeesNoAdminControlsAndTheServerRefusesTheirResync() {
        Page admin = signInAsAdmin();
        String id = install(admin, items(2, 1));
        awaitState(admin, "completed");

        Page page = signInAsMember();
        page.navigate(url("/datasources"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Install")).count()).isZero();
        page.navigate(url("/datasources/" + id));
        assertThat(button(page, "Resync").count()).isZero();
        screenshot(page, "datasources-status-member");
        page.navigate(url("/datasources/" + id + "/mapping"));
        assertThat(button(page, "Save mapping").count()).isZero();
        assertThat(button(page, "Test mapping").count()).isEqualTo(1);
        page.navigate(url("/datasources/" + id + "/settings"));
        assertThat(button(page, "Save settings").count()).isZero();
        assertThat(page.locator("[data-testid=uninstall]").count()).isZero();

        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        var response = page.request().post(url("/datasources/" + id + "/resync"),
                com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create().set("_csrf", csrf)));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void settingsAreSavedAndUninstallingDeletesTheEntitiesWhenAsked() {
        Page page = signInAsAdmin();
        String id = install(page, items(2, 1));
        awaitState(page, "completed");
        page.navigate(url("/datasources/" + id + "/settings"));
        page.getByLabel("Title").fill("Inventory items");
        page.getByLabel("Resync every (minutes)").fill("-5");
        button(page, "Save settings").click();
        assertThat(page.locator(".field.has-error .field-error").textContent()).contains("must be 0 (no schedule) or a number of minutes");
        assertThat(api().get("/v1/integration/" + id).expect(200).get("integration").path("title").asText()).isEqualTo(id);
        page.getByLabel("Resync every (minutes)").fill("0");
        button(page, "Save settings").click();
        page.waitForURL(u -> u.endsWith("/settings?saved=1"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Inventory items");
        page.onDialog(dialog -> dialog.accept());
        page.getByLabel("Also delete every entity it wrote").check();
        page.locator("[data-testid=uninstall]").click();
        page.waitForURL(u -> u.contains("/datasources?uninstalled="));
        assertThat(page.locator(".alert-ok").textContent()).contains("Uninstalled '" + id + "'").contains("deleted");
        api().get("/v1/integration/" + id).expectError(404, "not_found");
    }
}
