package dev.portolan.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a stored blueprint with the builder's form: saved as {@code PUT /v1/blueprints/{id}} is, with
 * everything the form does not show kept as stored. Each test has its own blueprint.
 */
class BlueprintEditFormTest extends UiTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @BeforeAll
    void loadTeams() {
        api().post("/v1/blueprints", "{identifier: 'team', title: 'Team', schema: {properties: {slack: {type: 'string'}}}}").expect(201);
    }

    /** A blueprint with much that the form does not show: descriptions, a pattern, a default, mirror and calculation properties, ownership. */
    private void createRegion(String identifier) {
        api().post("/v1/blueprints", """
                {identifier: '%s', title: 'Region', icon: 'Cloud', description: 'Where things run',
                 schema: {properties: {
                   code: {type: 'string', title: 'Code', description: 'ISO code of the region', pattern: '^[a-z-]+$'},
                   size: {type: 'number', title: 'Size', enum: [1, 2, 3], default: 2},
                   legacy: {type: 'string', title: 'Legacy'}},
                  required: ['code']},
                 relations: {owner: {title: 'Owner', description: 'Who runs it', target: 'team', required: false, many: false}},
                 mirrorProperties: {ownerSlack: {title: 'Owner Slack', path: 'owner.slack'}},
                 calculationProperties: {label: {title: 'Label', calculation: '.identifier', type: 'string'}},
                 ownership: {type: 'Direct'}}
                """.formatted(identifier)).expect(201);
    }

    private JsonNode stored(String identifier) {
        return api().get("/v1/blueprints/" + identifier).expect(200).get("blueprint");
    }

    @Test
    void anAdminEditsABlueprintWithTheFormSeesEachProblemAtItsFieldAndKeepsWhatTheFormDoesNotShow() {
        createRegion("region");
        JsonNode before = stored("region");
        Page page = signInAsAdmin();
        page.navigate(url("/builder/region"));
        Locator form = page.locator("[data-testid=blueprint-form]");
        assertThat(form).not().hasAttribute("open", "");
        form.locator("summary").click();
        assertThat(page.getByLabel("Identifier", EXACT)).hasValue("region");
        assertThat(page.getByLabel("Identifier", EXACT)).hasAttribute("readonly", "");
        assertThat(page.getByLabel("Property 1 identifier")).hasValue("code");
        assertThat(page.getByLabel("Property 2 allowed values")).hasValue("1, 2, 3");
        assertThat(page.getByLabel("Property 1 required")).isChecked();
        assertThat(page.getByLabel("Relation 1 target")).hasValue("team");

        // Refused: the allowed values 1, 2, 3 are no booleans, and a relation cannot be both required and many.
        page.getByLabel("Title", EXACT).fill("Regions");
        page.getByLabel("Property 2 type").selectOption("boolean");
        page.getByLabel("Relation 1 required").check();
        page.getByLabel("Relation 1 many").check();
        page.getByText("Save changes").click();
        assertThat(form).hasAttribute("open", "");
        assertThat(form.locator(".alert-error")).containsText("Not saved");
        assertThat(form.locator("[data-testid=property-row]").nth(1).locator(".field-error")).containsText("the property is of type boolean");
        assertThat(form.locator("[data-testid=relation-row]").first().locator(".field-error")).containsText("both 'many' and 'required'");
        assertThat(page.getByLabel("Title", EXACT)).hasValue("Regions");
        screenshot(page, "builder-edit-refused");
        assertThat(stored("region")).isEqualTo(before);

        // Refused: the mirror property reads through the relation being removed; said above the form, with its path.
        page.getByLabel("Property 2 type").selectOption("number");
        page.getByLabel("Relation 1 many").uncheck();
        page.getByLabel("Relation 1 required").uncheck();
        page.getByLabel("Remove relation owner").check();
        page.getByText("Save changes").click();
        assertThat(form.locator(".alert-error")).containsText("mirrorProperties.ownerSlack.path: 'owner' is not a relation");
        assertThat(page.getByLabel("Remove relation owner")).isChecked();
        assertThat(stored("region")).isEqualTo(before);

        page.getByText("More rows").click();
        assertThat(page.getByLabel("Property 9 identifier")).hasValue("");
        assertThat(page.getByLabel("Title", EXACT)).hasValue("Regions");
        page.getByLabel("Remove relation owner").uncheck();
        page.getByLabel("Remove property legacy").check();
        page.getByLabel("Property 1 title").fill("Region code");
        page.getByLabel("Property 2 required").check();
        page.getByLabel("Property 4 identifier").fill("zone");
        page.getByLabel("Property 4 format").selectOption("url");
        page.getByLabel("Relation 2 identifier").fill("parent");
        page.getByLabel("Relation 2 target").selectOption("region");
        page.getByText("Save changes").click();

        assertThat(page).hasURL(url("/builder/region"));
        assertThat(page.locator("h1")).hasText("Regions");
        assertThat(page.locator("main")).not().containsText("Legacy");
        JsonNode after = stored("region");
        JsonNode properties = after.path("schema").path("properties");
        assertThat(properties.path("code").path("title").asText()).isEqualTo("Region code");
        assertThat(properties.path("code").path("description").asText()).isEqualTo("ISO code of the region");
        assertThat(properties.path("code").path("pattern").asText()).isEqualTo("^[a-z-]+$");
        assertThat(properties.path("size").path("default").asInt()).isEqualTo(2);
        assertThat(properties.path("size").path("enum").toString()).isEqualTo("[1,2,3]");
        assertThat(properties.has("legacy")).isFalse();
        assertThat(properties.path("zone").path("format").asText()).isEqualTo("url");
        assertThat(after.path("schema").path("required").toString()).isEqualTo("[\"code\",\"size\"]");
        assertThat(after.path("relations").path("owner").path("description").asText()).isEqualTo("Who runs it");
        assertThat(after.path("relations").path("parent").path("target").asText()).isEqualTo("region");
        for (String kept : List.of("icon", "description", "mirrorProperties", "calculationProperties", "aggregationProperties", "ownership")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
    }

    /** The fields the edit form would post as it is on the page (unticked boxes are not posted, as a browser does). */
    private static FormData formFields(Page page, Map<String, String> changes) {
        @SuppressWarnings("unchecked")
        List<List<String>> entries = (List<List<String>>) page.locator("[data-testid=blueprint-form] form")
                .evaluate("f => Array.from(new FormData(f).entries())");
        FormData form = FormData.create();
        entries.forEach(e -> form.set(e.get(0), e.get(1)));
        changes.forEach(form::set);
        return form;
    }

    private static APIResponse post(Page page, String path, FormData form) {
        return page.request().post(path, RequestOptions.create().setForm(form).setMaxRedirects(0));
    }

    @Test
    void aFormEditKeepsCalculationPropertiesAndPropertyDescriptionsAndARefusedOneChangesNothing() {
        createRegion("site");
        Page page = signInAsAdmin();
        page.navigate(url("/builder/site"));
        JsonNode before = stored("site");

        APIResponse saved = post(page, url("/builder/site/form"), formFields(page, Map.of("p.0.title", "Site code", "title", "Sites")));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.headers().get("location")).isEqualTo("/builder/site");
        JsonNode after = stored("site");
        assertThat(after.path("title").asText()).isEqualTo("Sites");
        assertThat(after.path("schema").path("properties").path("code").path("title").asText()).isEqualTo("Site code");
        assertThat(after.path("schema").path("properties").path("code").path("description").asText()).isEqualTo("ISO code of the region");
        assertThat(after.path("calculationProperties")).isEqualTo(before.path("calculationProperties"));
        assertThat(after.path("calculationProperties").path("label").path("calculation").asText()).isEqualTo(".identifier");
        assertThat(after.path("mirrorProperties")).isEqualTo(before.path("mirrorProperties"));
        assertThat(after.path("ownership")).isEqualTo(before.path("ownership"));
        assertThat(after.path("updatedBy").asText()).isNotBlank();
        JsonNode audits = api().get("/v1/audit-log?blueprint=site").expect(200).get("audits");
        assertThat(audits.get(0).path("resourceType").asText()).isEqualTo("blueprint");
        assertThat(audits.get(0).path("action").asText()).isEqualTo("UPDATE");
        assertThat(audits.get(0).toString()).contains("Site code");

        // Refused by the service: nothing changes, and the problems come back at their fields.
        page.navigate(url("/builder/site"));
        APIResponse refused = post(page, url("/builder/site/form"), formFields(page, Map.of("p.1.type", "boolean", "title", "Renamed")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("field-error").contains("the property is of type boolean");
        assertThat(stored("site")).isEqualTo(after);
        APIResponse breaksTheMirror = post(page, url("/builder/site/form"), formFields(page, Map.of("r.0.remove", "true")));
        assertThat(breaksTheMirror.status()).isEqualTo(422);
        assertThat(breaksTheMirror.text()).contains("mirrorProperties.ownerSlack.path");
        assertThat(stored("site")).isEqualTo(after);

        // Filled in from an older version: refused, so that another person's change is not undone.
        APIResponse stale = post(page, url("/builder/site/form"),
                formFields(page, Map.of("version", before.path("updatedAt").asText(), "title", "Stale")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("after this form was filled in; nothing was saved");
        assertThat(stored("site")).isEqualTo(after);
    }

    @Test
    void theEditFormIsForAdminsOnlyAndAPostWithoutTheCsrfTokenIsRefused() {
        createRegion("lab");
        JsonNode before = stored("lab");
        Page admin = signInAsAdmin();
        admin.navigate(url("/builder/lab"));
        FormData fields = formFields(admin, Map.of("title", "Forged"));
        fields.set("_csrf", "not-the-token");
        assertThat(post(admin, url("/builder/lab/form"), fields).status()).isEqualTo(403);

        Page member = signInAsMember();
        member.navigate(url("/builder/lab"));
        assertThat(member.locator("[data-testid=blueprint-form]")).hasCount(0);
        assertThat(member.getByText("Save changes")).hasCount(0);
        String csrf = member.locator("input[name=_csrf]").first().inputValue();
        FormData forged = formFields(admin, Map.of("title", "Forged", "_csrf", csrf));
        APIResponse refused = post(member, url("/builder/lab/form"), forged);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("admin role");
        assertThat(stored("lab")).isEqualTo(before);
    }
}
