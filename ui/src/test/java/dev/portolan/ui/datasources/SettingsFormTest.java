package dev.portolan.ui.datasources;

import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.SettingsDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsFormTest {

    private static final SettingsDefinition DEFINITION = SettingsDefinition.builder()
            .required("baseUrl", SettingType.URL, "where the API is")
            .secret("token", true, "an access token")
            .optional("pageSize", SettingType.INTEGER, 100, "objects per page")
            .optional("includeArchived", SettingType.BOOLEAN, false, "also archived ones")
            .optional("kinds", SettingType.OBJECT, null, "kind name -> options")
            .build();

    @Test
    void eachDeclaredSettingBecomesAnInputOfItsType() {
        List<SettingField> fields = new SettingsForm(DEFINITION).fields(null, Map.of());

        assertThat(fields).extracting(SettingField::name).containsExactly("baseUrl", "token", "pageSize", "includeArchived", "kinds");
        assertThat(fields).extracting(SettingField::input).containsExactly("url", "password", "number", "checkbox", "json");
        assertThat(fields).extracting(SettingField::label).containsExactly("Base url", "Token", "Page size", "Include archived", "Kinds");
        assertThat(fields.get(2).value()).isEqualTo("100");
        assertThat(fields.get(1).required()).isTrue();
    }

    @Test
    void aSecretIsNeverShownEvenWhenAValueIsGiven() {
        List<SettingField> fields = new SettingsForm(DEFINITION).fields(Json.parse("{\"token\": \"s3cret\", \"baseUrl\": \"https://x\"}"), Map.of());

        assertThat(fields.get(1).value()).isEmpty();
        assertThat(fields.get(0).value()).isEqualTo("https://x");
    }

    @Test
    void violationsComeBackToTheSettingTheyConcernWithWhereInside() {
        Map<String, String> errors = SettingsForm.errors(List.of(
                new Violation("settings.kinds.service.url", "must start with http://"),
                new Violation("settings.kinds.team", "must be an object"),
                new Violation("settings.token", "is required: an access token")));

        assertThat(errors).containsOnlyKeys("kinds", "token");
        assertThat(errors.get("kinds")).isEqualTo("service.url: must start with http://; team: must be an object");
        assertThat(errors.get("token")).isEqualTo("is required: an access token");
    }

    @Test
    void aViolationOfOneItemOfAListSettingIsShownAtThatSettingWithItsIndex() {
        Map<String, String> errors = SettingsForm.errors(List.of(
                new Violation("settings.repositories[1]", "'/etc' is outside the allowed folders"),
                new Violation("settings.scanRoots[0].x", "odd")));

        assertThat(errors).containsOnlyKeys("repositories", "scanRoots");
        assertThat(errors.get("repositories")).isEqualTo("[1]: '/etc' is outside the allowed folders");
        assertThat(errors.get("scanRoots")).isEqualTo("[0].x: odd");
    }
}
