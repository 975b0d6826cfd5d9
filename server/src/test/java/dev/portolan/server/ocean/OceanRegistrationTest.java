package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Ids;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Ocean does at start ({@code core/defaults/initialize.py}, {@code core/utils.py}): read its
 * integration, register it with its default mapping when missing, patch type and version, check the
 * runtime; then read its mapping from Portolan at each resync. Every field Ocean reads is asserted.
 */
class OceanRegistrationTest {

    @ApiTest
    void anIntegrationNotYetRegisteredIsA404WithoutAnIntegrationField(ApiServer server) {
        OceanFixtures fake = OceanFixtures.of(server.admin(), Ids.unique("fake-integration"), Ids.unique("fake-int"));

        ApiResponse response = fake.ocean().getIntegration().expectError(404, "not_found");

        // get_current_integration(should_raise=False) reads .get("integration", {}): it must be absent to mean "create it".
        assertThat(response.get("integration").isMissingNode()).isTrue();
    }

    @ApiTest
    void registersAnyInstallationAppTypeWithItsDefaultMapping(ApiServer server) {
        OceanFixtures fake = OceanFixtures.of(server.admin(), Ids.unique("fake-integration"), Ids.unique("fake-int"));

        JsonNode created = fake.ocean().createIntegration(fake.mapping(), false).expect(200).get("integration");

        assertThat(created.path("installationId").asText()).isEqualTo(fake.ocean().identifier);
        assertThat(created.path("installationAppType").asText()).isEqualTo(fake.ocean().type);
        assertThat(created.path("version").asText()).isEqualTo(OceanClient.VERSION);
        assertThat(created.path("config")).isEqualTo(fake.mapping());
        assertThat(created.path("changelogDestination").isObject()).isTrue();
        JsonNode read = fake.ocean().getIntegration().expect(200).get("integration");
        assertThat(read.path("config")).isEqualTo(fake.mapping()); // APIPortAppConfig reads integration["config"]
        assertThat(read.path("installationType").asText()).isEqualTo("OnPrem"); // validate_integration_runtime
        assertThat(read.path("updatedAt").isTextual()).isTrue(); // the polling listener compares it
    }

    @ApiTest
    void currentOceansRegistrationIsAcceptedToo(ApiServer server) {
        OceanFixtures fake = OceanFixtures.of(server.admin(), Ids.unique("github-ocean"), Ids.unique("my-github"));

        JsonNode created = fake.ocean().createIntegration(fake.mapping(), true).expect(200).get("integration");

        assertThat(created.path("installationAppType").asText()).isEqualTo(fake.ocean().type);
        assertThat(created.path("config").path("resources").size()).isEqualTo(2);
        assertThat(created.path("actionsProcessingEnabled").asBoolean(true)).isFalse();
    }

    @ApiTest
    void theIntegrationShowsWhereOceanShipsItsLogsAndMetrics(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        JsonNode integration = fake.ocean().getIntegration().expect(200).get("integration");

        String base = server.admin().base() + "/v1/integration/" + fake.ocean().identifier;
        assertThat(integration.path("logAttributes").path("ingestUrl").asText()).isEqualTo(base + "/logs");
        assertThat(integration.path("metricAttributes").path("ingestUrl").asText()).isEqualTo(base + "/metrics");
        assertThat(integration.path("ingestAttributes").path("ingestUrl").asText()).isEqualTo(base + "/ingest");
        assertThat(integration.has("resyncState")).isTrue();
    }

    @ApiTest
    void thePatchOnEveryStartUpdatesTypeAndVersionAndKeepsTheMapping(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        JsonNode patched = fake.ocean().patchIntegration("0.2.0", null, false).expect(200).get("integration");
        JsonNode current = fake.ocean().patchIntegration("0.3.0", null, true).expect(200).get("integration");

        assertThat(patched.path("version").asText()).isEqualTo("0.2.0");
        assertThat(current.path("version").asText()).isEqualTo("0.3.0");
        assertThat(current.path("installationAppType").asText()).isEqualTo(fake.ocean().type);
        assertThat(current.path("changelogDestination").isNull()).isTrue();
        assertThat(fake.ocean().getIntegration().expect(200).get("integration").path("config")).isEqualTo(fake.mapping());
    }

    @ApiTest
    void anEmptyMappingIsInitialisedByThePatch(ApiServer server) {
        OceanFixtures fake = OceanFixtures.of(server.admin(), Ids.unique("fake-integration"), Ids.unique("fake-int"));
        fake.ocean().createIntegration(null, false).expect(200);

        fake.ocean().patchIntegration(OceanClient.VERSION, fake.mapping(), false).expect(200);

        assertThat(fake.ocean().getIntegration().expect(200).get("integration").path("config")).isEqualTo(fake.mapping());
    }

    @ApiTest
    void theMappingIsEditedInPortolanAndOceanReadsTheNewOne(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        var mapping = fake.mapping();
        ((com.fasterxml.jackson.databind.node.ArrayNode) mapping.get("resources")).remove(1);
        mapping.put("customRootField", "kept"); // an integration's own root fields are its business

        server.admin().patch("/v1/integration/" + fake.ocean().identifier + "/config",
                ApiClient.json("{config: " + mapping + "}")).expect(200);

        assertThat(fake.ocean().getIntegration().expect(200).get("integration").path("config")).isEqualTo(mapping);
    }

    @ApiTest
    void aMappingWhoseJqDoesNotCompileIsRefusedAndTheOldOneStays(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        var mapping = fake.mapping();
        ((com.fasterxml.jackson.databind.node.ObjectNode) mapping.at("/resources/0/selector")).put("query", ".a ==");

        ApiResponse refused = server.admin().patch("/v1/integration/" + fake.ocean().identifier + "/config",
                ApiClient.json("{config: " + mapping + "}")).expectError(422, "invalid_mapping");

        assertThat(refused.detailPaths()).contains("resources[0].selector.query");
        assertThat(fake.ocean().getIntegration().expect(200).get("integration").path("config")).isEqualTo(fake.mapping());
    }

    @ApiTest
    void anIntegrationThisServerRunsTellsOceanItsRuntimeIsNotOnPrem(ApiServer server) {
        String identifier = Ids.unique("hosted");
        server.admin().post("/v1/integration", ApiClient.json(("{installationId: '%s', installationAppType: 'custom', "
                + "settings: {kinds: {item: {url: 'http://127.0.0.1:1/items'}}}, config: {resources: []}}").formatted(identifier))).expect(201);

        JsonNode hosted = server.admin().get("/v1/integration/" + identifier).expect(200).get("integration");

        assertThat(hosted.path("installationType").asText()).isNotEqualTo("OnPrem");
        assertThat(hosted.has("logAttributes")).isFalse();
    }

    @ApiTest
    void theOrganizationHasAStableIdAndNoFeatureFlags(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        JsonNode organization = fake.ocean().getOrganization().expect(200).get("organization");

        assertThat(organization.path("id").asText()).isNotBlank()
                .isEqualTo(fake.ocean().getOrganization().get("organization").path("id").asText());
        assertThat(organization.path("featureFlags").isArray()).isTrue();
        assertThat(organization.path("featureFlags").size()).isZero();
    }

    @ApiTest
    void noIntegrationIsProvisionedByPortolanSoOceanCreatesItsOwnDefaults(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        JsonNode integrations = fake.ocean().provisionEnabled().expect(200).get("integrations");

        assertThat(integrations.isArray()).isTrue();
        assertThat(integrations.size()).isZero();
    }
}
