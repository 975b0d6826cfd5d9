package dev.portolan.integrations.github;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationWebhookTest {

    private GithubHarness sync;

    @BeforeEach
    void setUp() {
        sync = new GithubHarness();
        sync.settings(sync.settingsJson().put("appHost", "https://portolan.example.com/"));
    }

    @AfterEach
    void tearDown() {
        sync.close();
    }

    @Test
    void installingCreatesTheOrganizationWebhookSignedWithTheSecret() {
        String said = sync.integration.onInstalled("github-1", sync.parsedSettings());

        assertThat(said).startsWith("created the webhook of organization acme to https://portolan.example.com/integrations/github-1/webhook");
        assertThat(sync.github.hooks()).singleElement().satisfies(hook -> {
            assertThat(hook.at("/config/url").asText()).isEqualTo("https://portolan.example.com/integrations/github-1/webhook");
            assertThat(hook.at("/config/secret").asText()).isEqualTo(GithubHarness.SECRET);
            assertThat(hook.at("/config/content_type").asText()).isEqualTo("json");
            assertThat(hook.path("events").toString()).contains("pull_request", "push", "workflow_run");
        });
    }

    @Test
    void anExistingWebhookToTheSameUrlIsKept() {
        sync.integration.onInstalled("github-1", sync.parsedSettings());

        assertThat(sync.integration.onInstalled("github-1", sync.parsedSettings())).contains("exists already");
        assertThat(sync.github.hooks()).hasSize(1);
    }

    @Test
    void whenTheCredentialsMayNotItSaysSoAndHowToCreateItByHand() {
        sync.github.refuseHooks();

        String said = sync.integration.onInstalled("github-1", sync.parsedSettings());

        assertThat(said).startsWith("webhook not created").contains("organization_hooks=write").contains("admin:org_hook")
                .contains("https://portolan.example.com/integrations/github-1/webhook").doesNotContain(GithubHarness.SECRET);
    }

    @Test
    void withoutAppHostNoWebhookIsCreated() {
        sync.settings(sync.settingsJson().without("appHost"));

        assertThat(sync.integration.onInstalled("github-1", sync.parsedSettings())).isNull();
        assertThat(sync.github.hooks()).isEmpty();
    }
}
