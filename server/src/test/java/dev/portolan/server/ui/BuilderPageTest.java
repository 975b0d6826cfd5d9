package dev.portolan.server.ui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class BuilderPageTest extends UiTest {

    @BeforeAll
    void loadCatalog() {
        CatalogFixture.load(api());
    }

    @Test
    void theBuilderDrawsTheRelationGraphAndOpensABlueprintOnClick() {
        Page page = signInAsAdmin();
        page.navigate(url("/builder"));
        assertThat(page.locator("svg.graph .graph-node")).hasCount(2);
        assertThat(page.locator("svg.graph .graph-label")).hasText(new String[] {"owner", "dependsOn (many)"});
        screenshot(page, "builder");
        page.locator("svg.graph a.graph-node", new Page.LocatorOptions().setHasText("Team")).click();
        assertThat(page.locator("h1")).hasText("Team");
        assertThat(page.locator("main")).containsText("Relations of service point at this blueprint");
    }

    @Test
    void aBlueprintShowsItsPropertiesAndRelationsAndAnInvalidSaveIsExplainedAtItsPath() {
        Page page = signInAsAdmin();
        page.navigate(url("/builder/service"));
        assertThat(page.locator(".grid-2 table").first()).containsText("tier");
        assertThat(page.locator("main")).containsText("Depends on");
        String json = page.locator("#json").inputValue().replace("\"type\" : \"number\"", "\"type\" : \"numbr\"");
        page.locator("#json").fill(json);
        page.getByText("Save blueprint").click();
        assertThat(page.locator(".alert-error")).containsText("Not saved");
        assertThat(page.locator(".problems")).containsText("schema.properties.tier");
        screenshot(page, "builder-blueprint-invalid");
        assertThat(api().get("/v1/blueprints/service").expect(200).get("blueprint").path("schema").path("properties")
                .path("tier").path("type").asText()).isEqualTo("number");
    }

    @Test
    void anAdminCreatesABlueprintFromTheJsonEditor() {
        Page page = signInAsAdmin();
        page.navigate(url("/builder"));
        page.getByText("New blueprint").click();
        page.locator("#json").fill("{\"identifier\": \"environment\", \"title\": \"Environment\", \"schema\": {\"properties\": {}}}");
        page.getByText("Create from JSON").click();
        assertThat(page).hasURL(url("/builder/environment"));
        assertThat(page.locator("h1")).hasText("Environment");
    }

    @Test
    void anAdminCreatesABlueprintWithTheFormAndSeesEachProblemAtItsField() {
        Page page = signInAsAdmin();
        page.navigate(url("/builder/new"));
        page.getByLabel("Identifier", new Page.GetByLabelOptions().setExact(true)).fill("bad id");
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Cluster");
        page.getByLabel("Property 1 identifier").fill("tier");
        page.getByLabel("Property 1 type").selectOption("number");
        page.getByLabel("Property 1 required").check();
        page.getByLabel("Property 1 allowed values").fill("1, 2, 3");
        page.getByLabel("Property 2 identifier").fill("bad name!");
        page.getByLabel("Property 2 format").selectOption("url");
        page.getByLabel("Relation 1 identifier").fill("owner");
        page.getByLabel("Relation 1 target").selectOption("team");
        page.getByLabel("Relation 1 required").check();
        page.getByLabel("Relation 1 many").check();
        page.getByText("Create blueprint").click();

        Locator form = page.locator("[data-testid=blueprint-form]");
        assertThat(form.locator(".alert-error")).containsText("Not created");
        assertThat(form.locator(".field.has-error")).hasCount(3);
        assertThat(form.locator(".field.has-error").nth(0)).containsText("Identifier");
        assertThat(form.locator("[data-testid=property-row]").nth(1).locator(".field-error")).containsText("not valid");
        assertThat(form.locator("[data-testid=relation-row]").first().locator(".field-error")).containsText("both 'many' and 'required'");
        assertThat(page.getByLabel("Property 1 allowed values")).hasValue("1, 2, 3");
        screenshot(page, "builder-form-refused");
        api().get("/v1/blueprints/cluster").expectError(404, "not_found");

        page.getByLabel("Identifier", new Page.GetByLabelOptions().setExact(true)).fill("cluster");
        page.getByLabel("Property 2 identifier").fill("console");
        page.getByLabel("Relation 1 many").uncheck();
        page.getByText("Create blueprint").click();
        assertThat(page).hasURL(url("/builder/cluster"));
        var created = api().get("/v1/blueprints/cluster").expect(200).get("blueprint");
        assertThat(created.path("title").asText()).isEqualTo("Cluster");
        assertThat(created.path("schema").path("properties").path("tier").path("enum").toString()).isEqualTo("[1,2,3]");
        assertThat(created.path("schema").path("required").toString()).isEqualTo("[\"tier\"]");
        assertThat(created.path("schema").path("properties").path("console").path("format").asText()).isEqualTo("url");
        assertThat(created.path("relations").path("owner").path("target").asText()).isEqualTo("team");
        assertThat(created.path("relations").path("owner").path("required").asBoolean()).isTrue();
    }

    @Test
    void theFormIsForAdminsOnly() {
        Page page = signInAsMember();
        page.navigate(url("/builder/new"));
        assertThat(page.locator("[data-testid=blueprint-form]")).hasCount(0);
        page.navigate(url("/builder"));
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        APIResponse refused = page.request().post(url("/builder/new"), RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("identifier", "sneaky").set("p.0.name", "")).setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(403);
        api().get("/v1/blueprints/sneaky").expectError(404, "not_found");
    }

    @Test
    void deletingABlueprintWithEntitiesIsRefusedWithTheReason() {
        Page page = signInAsAdmin();
        page.navigate(url("/builder/team"));
        page.onDialog(dialog -> dialog.accept());
        page.getByText("Delete blueprint", new Page.GetByTextOptions().setExact(true)).last().click();
        assertThat(page.locator(".alert-error")).containsText("Not deleted");
        api().get("/v1/blueprints/team").expect(200);
    }

    @Test
    void aMemberSeesNoAdminControlsAndTheServerRefusesTheirPostsAnyway() {
        Page page = signInAsMember();
        page.navigate(url("/builder"));
        assertThat(page.getByText("New blueprint")).hasCount(0);
        page.navigate(url("/builder/service"));
        assertThat(page.getByText("Save blueprint")).hasCount(0);
        assertThat(page.getByText("Delete blueprint")).hasCount(0);
        assertThat(page.locator("#json")).hasAttribute("readonly", "");
        page.navigate(url("/catalog/service"));
        assertThat(page.getByText("Edit blueprint")).hasCount(0);
        screenshot(page, "catalog-as-member");

        // With a valid session and CSRF token, the role still decides.
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        APIResponse refused = page.request().post(url("/builder/service/delete"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf).set("deleteEntities", "true")).setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(403);
        api().get("/v1/blueprints/service").expect(200);
    }
}
