package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;

import java.util.List;

/**
 * Replays the requests of Ocean's Port client ({@code port_ocean/clients/port/} in port-labs/ocean)
 * exactly as it sends them: the same paths, query parameters, bodies and {@code User-Agent}
 * ({@code port-ocean/<type>/<version>/<identifier>[/exporter]}). Each method names the Ocean
 * function it replays; {@code 0.12} marks what only Ocean 0.12.x sends, {@code current} what only
 * current Ocean sends. Tests assert on the fields Ocean reads from each answer.
 */
final class OceanClient {

    static final String VERSION = "0.1.7";

    private final ApiClient api;
    final String type;
    final String identifier;

    OceanClient(ApiClient api, String type, String identifier) {
        this.api = api;
        this.type = type;
        this.identifier = identifier;
    }

    /** {@code PortAuthentication.user_agent(None)}: what integration and blueprint calls send. */
    String userAgent() {
        return "port-ocean/" + type + "/" + VERSION + "/" + identifier;
    }

    /** {@code user_agent(UserAgentType.exporter)}: what entity writes and searches send; stored as their datasource. */
    String exporterAgent() {
        return userAgent() + "/exporter";
    }

    private ApiClient plain() {
        return api.withHeader("User-Agent", userAgent());
    }

    private ApiClient exporter() {
        return api.withHeader("User-Agent", exporterAgent());
    }

    /** {@code IntegrationClientMixin.get_current_integration}. */
    ApiResponse getIntegration() {
        return plain().get("/v1/integration/" + identifier);
    }

    /** {@code create_integration(_type, changelog_destination, port_app_config)}; 0.12 and current send the same body but the last two fields. */
    ApiResponse createIntegration(JsonNode mapping, boolean current) {
        ObjectNode body = Json.object();
        body.put("installationId", identifier);
        body.put("installationAppType", type);
        body.put("version", VERSION);
        body.putObject("changelogDestination");
        body.set("config", mapping == null ? Json.object() : mapping);
        if (current) {
            body.put("actionsProcessingEnabled", false);
            body.put("createPortResourcesOrigin", "Ocean");
        }
        return plain().post("/v1/integration", body);
    }

    /** {@code patch_integration(_type, changelog_destination)} as Ocean sends it on every start (0.12: no null fields). */
    ApiResponse patchIntegration(String version, JsonNode mapping, boolean current) {
        ObjectNode body = Json.object();
        body.put("installationAppType", type);
        if (mapping != null) body.set("config", mapping);
        if (current) {
            body.putNull("changelogDestination");
            body.put("actionsProcessingEnabled", false);
        }
        body.put("version", version);
        return plain().patch("/v1/integration/" + identifier, body);
    }

    /** {@code PortClient.update_integration_state(state)}, as {@code ResyncStateUpdater.update_before_resync} sends it. */
    ApiResponse resyncStarted(String at) {
        ObjectNode state = Json.object();
        state.put("status", "running");
        state.putNull("lastResyncEnd");
        state.put("lastResyncStart", at);
        state.putNull("nextResync");
        state.putNull("intervalInMinuets");
        return plain().patch("/v1/integration/" + identifier + "/resync-state", state);
    }

    /** {@code update_after_resync(status)}. */
    ApiResponse resyncEnded(String status, String at) {
        ObjectNode state = Json.object();
        state.put("status", status);
        state.put("lastResyncEnd", at);
        state.putNull("nextResync");
        state.putNull("intervalInMinuets");
        return plain().patch("/v1/integration/" + identifier + "/resync-state", state);
    }

    /** {@code ingest_integration_logs(logs)}: to {@code logAttributes.ingestUrl}, lines as {@code _serialize_record} makes them. */
    ApiResponse shipLogs(String ingestUrl, String... messages) {
        ArrayNode logs = Json.array();
        for (String message : messages) {
            ObjectNode line = logs.addObject();
            line.put("message", message);
            line.put("level", "INFO");
            line.put("timestamp", "2026-01-02T03:04:05.123456Z");
            line.putObject("extra").put("resource_kind", "fake-person");
        }
        return plain().post(ingestUrl, Json.object().set("logs", logs));
    }

    /** current {@code post_integration_sync_metrics(metrics)}: to {@code metricAttributes.ingestUrl + "/syncMetrics"}. */
    ApiResponse postSyncMetrics(String ingestUrl, List<JsonNode> metrics) {
        ObjectNode body = Json.object();
        body.putArray("syncKindsMetrics").addAll(metrics);
        return plain().post(ingestUrl + "/syncMetrics", body);
    }

    /** current {@code put_integration_sync_metrics(kind_metrics)}. */
    ApiResponse putSyncMetrics(String ingestUrl, JsonNode kindMetrics) {
        String path = "/syncMetrics/resync/" + ApiClient.encode(kindMetrics.path("eventId").asText())
                + "/kind/" + ApiClient.encode(kindMetrics.path("kindIdentifier").asText());
        return plain().put(ingestUrl + path, Json.object().set("syncKindMetrics", kindMetrics));
    }

    /** {@code ingest_integration_kind_examples(kind, data)}. */
    ApiResponse postExamples(String kind, JsonNode examples) {
        return plain().post("/v1/integration/" + ApiClient.encode(identifier) + "/kinds/" + ApiClient.encode(kind) + "/examples",
                Json.object().set("examples", examples));
    }

    /** {@code BlueprintClientMixin.get_blueprint}. */
    ApiResponse getBlueprint(String blueprint) {
        return plain().get("/v1/blueprints/" + blueprint);
    }

    /** {@code create_blueprint(raw, user_agent_type=exporter)}. */
    ApiResponse createBlueprint(JsonNode blueprint) {
        return exporter().post("/v1/blueprints", blueprint);
    }

    /** {@code delete_blueprint(identifier, delete_entities=True)}: Ocean's {@code clean} command. */
    ApiResponse deleteBlueprintWithEntities(String blueprint) {
        return plain().delete("/v1/blueprints/" + blueprint + "/all-entities?delete_blueprint=true");
    }

    /** {@code MigrationClientMixin.wait_for_migration_to_complete}. */
    ApiResponse getMigration(String migrationId) {
        return plain().get("/v1/migrations/" + migrationId);
    }

    /** {@code EntityClientMixin.upsert_entity} with the mapping's request options. */
    ApiResponse upsertEntity(String blueprint, JsonNode entity) {
        return exporter().post("/v1/blueprints/" + blueprint + "/entities?upsert=true&merge=true"
                + "&create_missing_related_entities=true&validation_only=false", entity);
    }

    /** current {@code upsert_entities_bulk(blueprint, entities)}. */
    ApiResponse upsertEntitiesBulk(String blueprint, List<JsonNode> entities) {
        ObjectNode body = Json.object();
        body.putArray("entities").addAll(entities);
        return exporter().post("/v1/blueprints/" + blueprint + "/entities/bulk?upsert=true&merge=true"
                + "&create_missing_related_entities=true&validation_only=false", body);
    }

    /** {@code delete_entity(entity)}. */
    ApiResponse deleteEntity(String blueprint, String entity) {
        return exporter().delete("/v1/blueprints/" + blueprint + "/entities/" + ApiClient.encode(entity) + "?delete_dependents=true");
    }

    /** 0.12 {@code search_entities(UserAgentType.exporter)}: what this integration owns. */
    ApiResponse searchOwned() {
        ObjectNode query = Json.object().put("combinator", "and");
        ArrayNode rules = query.putArray("rules");
        rules.addObject().put("property", "$datasource").put("operator", "contains").put("value", "port-ocean/" + type + "/");
        rules.addObject().put("property", "$datasource").put("operator", "contains").put("value", "/" + identifier + "/exporter");
        return exporter().post("/v1/entities/search?exclude_calculated_properties=true&include=blueprint&include=identifier", query);
    }

    /** current {@code search_entities} without a query: {@code POST /v1/blueprints/entities/datasource-entities}. */
    ApiResponse datasourceEntities(Integer limit, String from) {
        ObjectNode body = Json.object();
        body.put("datasource_prefix", "port-ocean/" + type + "/");
        body.put("datasource_suffix", "/" + identifier + "/exporter");
        if (limit != null) body.put("limit", limit);
        if (from != null) body.put("from", from);
        return exporter().post("/v1/blueprints/entities/datasource-entities", body);
    }

    /** {@code PortClient.get_org_id} (0.12) and {@code get_organization_feature_flags} (current). */
    ApiResponse getOrganization() {
        return plain().get("/v1/organization");
    }

    /** current {@code get_provision_enabled_integrations}. */
    ApiResponse provisionEnabled() {
        return plain().get("/v1/integration/provision-enabled");
    }

    ApiResponse resyncRequest() {
        return plain().get("/v1/integration/" + identifier + "/resync-request");
    }

    ApiResponse cursor() {
        return plain().get("/v1/integration/" + identifier + "/cursor");
    }

    /** {@code get_kafka_creds}: only with the KAFKA event listener. */
    ApiResponse kafkaCredentials() {
        return plain().get("/v1/kafka-credentials");
    }

    /** {@code create_action}, {@code create_scorecard}, {@code create_page}: the defaults Ocean may create besides blueprints. */
    ApiResponse createAction(JsonNode action) {
        return plain().post("/v1/actions", action);
    }

    ApiResponse createScorecard(String blueprint, JsonNode scorecard) {
        return plain().post("/v1/blueprints/" + blueprint + "/scorecards", scorecard);
    }

    ApiResponse createPage(JsonNode page) {
        return plain().post("/v1/pages", page);
    }

    /** current action-runs processing: {@code POST /v1/actions/runs/claim-pending}. */
    ApiResponse claimPendingRuns() {
        return plain().post("/v1/actions/runs/claim-pending", Json.object().put("limit", 10));
    }
}
