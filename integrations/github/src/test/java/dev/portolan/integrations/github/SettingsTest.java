package dev.portolan.integrations.github;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private final GithubIntegration github = new GithubIntegration();

    @Test
    void aTokenAloneIsEnoughAndTheHostDefaultsToGithubCom() {
        Settings settings = github.settings().parse(Json.object().put("githubToken", "ghp_x"));
        assertThat(settings.string("githubHost")).isEqualTo("https://api.github.com");
    }

    @Test
    void withoutATokenOrAnAppTheSettingsAreRefusedSayingWhatToGive() {
        assertThatThrownBy(() -> github.settings().parse(Json.object()))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).violations().toString()).contains("settings.githubToken")
                        .contains("githubAppId"));
    }

    @Test
    void secretsAreNeverShown() {
        Settings settings = github.settings().parse(Json.object().put("githubToken", "ghp_secret").put("webhookSecret", "hush")
                .put("appHost", "https://portolan.example.com"));
        assertThat(settings.redacted().toString()).doesNotContain("ghp_secret").doesNotContain("hush").contains("portolan.example.com");
    }

    @Test
    void webhooksNeedASecret() {
        assertThatThrownBy(() -> github.settings().parse(Json.object().put("githubToken", "x").put("appHost", "https://p.example.com")))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).violations().toString()).contains("settings.webhookSecret"));
    }

    @Test
    void anUnknownKindOrSelectorFieldIsRefusedWhenTheMappingIsSaved() {
        var parser = dev.portolan.sync.host.IntegrationManager.mappingParser(github, github.settings().parse(Json.object().put("githubToken", "x")));
        assertThatThrownBy(() -> parser.parse(dev.portolan.sync.mapping.MappingParser.readYaml("""
                resources:
                  - kind: pull-request
                    selector: {query: 'true', colour: blue}
                    port: {entity: {mappings: {identifier: .id, blueprint: '"x"'}}}
                  - kind: pulls
                    selector: {query: 'true'}
                    port: {entity: {mappings: {identifier: .id, blueprint: '"x"'}}}
                """))).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).violations().toString()).contains("colour").contains("pulls"));
    }

    @Test
    void portsRootFieldRepositoryTypeIsAccepted() {
        var parser = dev.portolan.sync.host.IntegrationManager.mappingParser(github, github.settings().parse(Json.object().put("githubToken", "x")));
        assertThat(parser.parse(dev.portolan.sync.mapping.MappingParser.readYaml(github.defaults().mappingYaml())).extra()
                .path("repositoryType").asText()).isEqualTo("all");
    }
}
