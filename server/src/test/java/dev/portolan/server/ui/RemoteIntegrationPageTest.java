package dev.portolan.server.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.Ids;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of an integration that runs elsewhere (an Ocean integration, set up here by replaying
 * the requests Ocean sends): its Resync button asks the integration to resync, as Port's does, and
 * says so until the integration reports a resync; its Mapping tab tests on the raw-data examples
 * the integration posted.
 */
class RemoteIntegrationPageTest extends UiTest {

    /** Registers an Ocean-style integration with one resource of kind {@code person}; returns its identifier. */
    private String registerOcean(String blueprint) {
        String id = Ids.unique("ocean-people");
        ApiClient ocean = api().withHeader("User-Agent", "port-ocean/fake-integration/0.1.7/" + id);
        api().post("/v1/blueprints", "{identifier: '" + blueprint + "', title: 'Person', schema: {properties: {email: {type: 'string'}}}}")
                .expect(201);
        ocean.post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'fake-integration', version: '0.1.7',"
                + " changelogDestination: {}, config: {resources: [{kind: 'person', selector: {query: 'true'},"
                + " port: {entity: {mappings: {identifier: '.id', title: '.name', blueprint: '\"" + blueprint + "\"',"
                + " properties: {email: '.email'}}}}}]}}").expect(200);
        return id;
    }

    /** {@code update_before_resync} ({@code running}, with its start) and {@code update_after_resync} (with its end). */
    private void reportResync(String id, String status, String at) {
        String time = status.equals("running") ? "lastResyncStart" : "lastResyncEnd";
        api().withHeader("User-Agent", "port-ocean/fake-integration/0.1.7/" + id)
                .patch("/v1/integration/" + id + "/resync-state", "{status: '" + status + "', " + time + ": '" + at + "'}").expect(200);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void resyncOnAnIntegrationThatRunsElsewhereRecordsARequestItPicksUp() {
        String id = registerOcean(Ids.unique("person"));
        reportResync(id, "running", "2026-01-02T03:00:00Z");
        reportResync(id, "completed", "2026-01-02T03:05:00Z");
        String before = api().get("/v1/integration/" + id).expect(200).get("integration").path("updatedAt").asText();
        Page page = signInAsAdmin();
        page.navigate(url("/datasources/" + id));
        assertThat(page.locator("[data-testid=resync-requested]").count()).isZero();
        // Ocean 0.12 reports state but no counters: the page says so rather than showing zeros
        assertThat(page.locator("[data-testid=no-counters]").textContent()).contains("no counters");
        assertThat(page.locator("[data-testid=reconciliation]").count()).isZero();

        button(page, "Resync").click();

        page.waitForURL(url("/datasources/" + id));
        assertThat(page.locator("[data-testid=resync-requested]").textContent()).contains("resync requested");
        screenshot(page, "datasources-remote-resync-requested");
        var request = api().get("/v1/integration/" + id + "/resync-request").expect(200).get("request");
        assertThat(request.path("createdAt").asText()).isNotBlank();
        // what a polling Ocean compares: the integration's updatedAt moved
        assertThat(api().get("/v1/integration/" + id).expect(200).get("integration").path("updatedAt").asText()).isNotEqualTo(before);

        reportResync(id, "running", "2026-01-02T04:00:00Z");
        page.reload();
        assertThat(page.locator("[data-testid=header-state]").textContent()).isEqualTo("syncing");
        assertThat(page.locator("[data-testid=resync-requested]").count()).isZero();
    }

    @Test
    void theMappingTabTestsOnTheExamplesTheIntegrationPosted() {
        String blueprint = Ids.unique("person");
        String id = registerOcean(blueprint);
        reportResync(id, "running", "2026-01-02T03:00:00Z");
        api().withHeader("User-Agent", "port-ocean/fake-integration/0.1.7/" + id).post("/v1/integration/" + id + "/kinds/person/examples",
                "{examples: [{id: 'ada', name: 'Ada', email: 'ada@example.com'}, {id: 'alan', name: 'Alan', email: 'alan@example.com'}]}")
                .expect(200);
        Page page = signInAsAdmin();

        page.navigate(url("/datasources/" + id + "/mapping"));
        assertThat(page.locator("input[name=source][value='sample:0']").isChecked()).isTrue();
        assertThat(page.locator(".test-source").textContent()).contains("2 sample(s) of").contains("person-0");
        button(page, "Test mapping").click();

        Locator results = page.locator("[data-testid=test-results]");
        results.waitFor();
        assertThat(results.locator("[data-testid=test-object]").count()).isEqualTo(2);
        assertThat(results.textContent()).contains(blueprint + " / ada").contains(blueprint + " / alan");
        screenshot(page, "datasources-remote-mapping-tested");
    }
}
