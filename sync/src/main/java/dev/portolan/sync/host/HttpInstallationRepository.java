package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.client.CatalogApi;
import dev.portolan.sync.client.CatalogApiException;
import dev.portolan.sync.client.CatalogResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.portolan.sync.client.CatalogApi.segment;

/**
 * The installation repository of an integration that runs in a process of its own: the one
 * installation it runs (from its config file) is kept here, and its sync reports and event log go
 * to the remote server ({@code /v1/integration/{id}/syncs}, {@code /logs}), where the Sync Status
 * shows them. A report or log line the server cannot take is logged and dropped: reporting never
 * breaks a resync. Thread-safe.
 */
public final class HttpInstallationRepository implements InstallationRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HttpInstallationRepository.class);

    private final CatalogApi api;
    private volatile Installation local;
    private volatile SyncRecord lastSaved;

    /** @param local the installation this process runs; {@code remote} must be false here, since this process runs it */
    public HttpInstallationRepository(CatalogApi api, Installation local) {
        this.api = api;
        this.local = local;
    }

    /**
     * Registers the installation with the server as a remote one ({@code POST /v1/integration} with
     * {@code remote: true}), again on every start, so the server lists it and takes its reports.
     *
     * @throws CatalogApiException when the server refuses (e.g. 409: the server runs an installation of that identifier itself)
     */
    public void register() {
        Installation installation = local;
        ObjectNode body = Json.object()
                .put("installationId", installation.identifier())
                .put("installationAppType", installation.type())
                .put("title", installation.title())
                .put("scheduledResyncInterval", installation.scheduledResyncInterval())
                .put("remote", true);
        body.set("config", installation.config());
        CatalogResponse response = api.send("POST", "/v1/integration", body, null);
        if (!response.ok()) throw CatalogApiException.of("Registering integration '" + installation.identifier() + "'", response);
    }

    @Override
    public Optional<Installation> find(String identifier) {
        Installation installation = local;
        return installation.identifier().equals(identifier) ? Optional.of(installation) : Optional.empty();
    }

    @Override
    public List<Installation> list() {
        return List.of(local);
    }

    @Override
    public void save(Installation installation) {
        if (!installation.identifier().equals(local.identifier())) {
            throw new IllegalArgumentException("This process runs only '" + local.identifier() + "', not '" + installation.identifier() + "'");
        }
        local = installation;
    }

    @Override
    public void delete(String identifier) {
        throw new UnsupportedOperationException("Uninstall a remote integration on the server: DELETE /v1/integration/" + identifier);
    }

    /** The latest report this process saved (running or finished), whether or not the server took it; for health checks. */
    public Optional<SyncRecord> lastSaved() {
        return Optional.ofNullable(lastSaved);
    }

    @Override
    public void saveReport(SyncRecord sync) {
        lastSaved = sync;
        deliver("PUT", path(sync.integration()) + "/syncs/" + segment(sync.resyncId()), sync.report(), "the report of resync " + sync.resyncId());
    }

    @Override
    public void appendEvents(List<SyncEvent> events) {
        if (events.isEmpty()) return;
        ObjectNode body = Json.object();
        ArrayNode logs = body.putArray("logs");
        for (SyncEvent event : events) {
            logs.addObject().put("timestamp", event.timestamp().toString()).put("level", event.level())
                    .put("kind", event.kind()).put("message", event.message()).put("resyncId", event.resyncId());
        }
        deliver("POST", path(events.getFirst().integration()) + "/logs", body, events.size() + " event log lines");
    }

    @Override
    public List<SyncRecord> reports(String integration, int limit) {
        JsonNode body = get(path(integration) + "/syncs?limit=" + limit).body();
        List<SyncRecord> records = new ArrayList<>();
        body.path("syncs").forEach(report -> records.add(record(integration, report)));
        return records;
    }

    @Override
    public Optional<SyncRecord> report(String integration, String resyncId) {
        CatalogResponse response = api.send("GET", path(integration) + "/syncStatus?resyncId=" + segment(resyncId), null, null);
        if (response.status() == 404) return Optional.empty();
        if (!response.ok()) throw CatalogApiException.of("Reading resync " + resyncId, response);
        JsonNode report = response.body().path("syncStatus");
        return report.isObject() ? Optional.of(record(integration, report)) : Optional.empty();
    }

    @Override
    public List<SyncEvent> events(SyncEventQuery filter) {
        String integration = filter.integration();
        StringBuilder query = new StringBuilder("?limit=" + filter.limit());
        if (filter.resyncId() != null) query.append("&resyncId=").append(segment(filter.resyncId()));
        if (filter.level() != null) query.append("&level=").append(segment(filter.level()));
        if (filter.kind() != null) query.append("&kind=").append(segment(filter.kind()));
        if (filter.before() != null) query.append("&before=").append(filter.before());
        List<SyncEvent> events = new ArrayList<>();
        for (JsonNode line : get(path(integration) + "/logs" + query).body().path("data").path("logs")) {
            events.add(new SyncEvent(integration, line.path("resyncId").asText(null), Instant.parse(line.path("timestamp").asText()),
                    line.path("level").asText(), line.path("kind").asText(null), line.path("message").asText(), line.path("seq").asLong()));
        }
        return events;
    }

    @Override
    public void saveSamples(List<SyncSample> samples) {
        if (samples.isEmpty()) return;
        SyncSample first = samples.getFirst();
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("samples");
        samples.forEach(s -> array.add(SyncSampleJson.write(s)));
        deliver("POST", path(first.integration()) + "/syncs/" + segment(first.resyncId()) + "/samples", body,
                samples.size() + " samples of resync " + first.resyncId());
    }

    @Override
    public List<SyncSample> samples(String integration, String resyncId, Integer resourceIndex) {
        List<String> parameters = new ArrayList<>();
        if (resyncId != null) parameters.add("resyncId=" + segment(resyncId));
        if (resourceIndex != null) parameters.add("resourceIndex=" + resourceIndex);
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        List<SyncSample> samples = new ArrayList<>();
        for (JsonNode sample : get(path(integration) + "/samples" + query).body().path("samples")) {
            samples.add(SyncSampleJson.read(integration, sample.path("resyncId").asText(), sample));
        }
        return samples;
    }

    @Override
    public Optional<SyncSample> sampleOf(String integration, EntityKey entity) {
        return samples(integration, null, null).stream().filter(s -> s.entities().contains(entity)).findFirst();
    }

    private void deliver(String method, String path, JsonNode body, String what) {
        try {
            CatalogResponse response = api.send(method, path, body, null);
            if (!response.ok()) LOG.warn("The server did not take {}: HTTP {} {}", what, response.status(), response.message());
        } catch (CatalogApiException e) {
            LOG.warn("Could not send {} to the server: {}", what, e.getMessage());
        }
    }

    private CatalogResponse get(String path) {
        CatalogResponse response = api.send("GET", path, null, null);
        if (!response.ok()) throw CatalogApiException.of("GET " + path, response);
        return response;
    }

    private static String path(String integration) {
        return "/v1/integration/" + segment(integration);
    }

    private static SyncRecord record(String integration, JsonNode report) {
        return new SyncRecord(integration, report.path("resyncId").asText(), report.path("state").asText(),
                Instant.parse(report.path("startedAt").asText()),
                report.hasNonNull("finishedAt") ? Instant.parse(report.get("finishedAt").asText()) : null, (ObjectNode) report);
    }
}
