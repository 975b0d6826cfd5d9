package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.report.ReportedMetrics;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Integrations that run in a process of their own and report here, as Port serves Ocean: they
 * register any type, keep their mapping here (read at each resync), and report their resync state,
 * sync metrics and logs, which become the same sync records, Sync Status, event log and metrics a
 * hosted integration has. Thread-safe (each call is one or two store transactions).
 */
public final class RemoteIntegrations {

    /** Log lines per ingest request, and characters kept of one line's message. */
    public static final int MAX_LOG_LINES = 1000;
    public static final int MAX_MESSAGE_CHARS = 8192;
    /** Kind identifiers one resync may report metrics for (a mapping has far fewer resources). */
    public static final int MAX_REPORTED_KINDS = 1000;

    private static final List<String> STATUSES = List.of("running", "completed", "failed", "aborted");

    private final CatalogStore store;
    private final InstallationRepository repository;
    private final IntegrationManager manager;
    private final SyncMetrics metrics;
    private final Clock clock;

    public RemoteIntegrations(CatalogStore store, InstallationRepository repository, IntegrationManager manager,
                              SyncMetrics metrics, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.manager = manager;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Registers (or re-registers) an integration that runs elsewhere. The credential registering it
     * owns its log and metrics ingest URLs from now on.
     */
    public Installation register(Registration registration, String credential) {
        JsonNode config = registration.config();
        if (config != null && !config.isNull() && config.isObject() && !config.isEmpty()) MappingParser.forRemoteIntegration().parse(config);
        Installation installation = manager.registerRemote(registration.identifier(), registration.type(), registration.title(),
                config, registration.interval());
        RemoteState previous = state(installation.identifier()).orElse(null);
        RemoteState state = previous == null
                ? RemoteState.registered(installation.identifier(), credential, registration.version(), registration.changelogDestination())
                : new RemoteState(previous.integration(), credential, registration.version(), registration.changelogDestination(),
                previous.resyncState(), previous.currentResyncId(), previous.resyncRequestedAt());
        save(state);
        return installation;
    }

    /** What a registration says; {@code config} may be null or empty (the mapping is set later). */
    public record Registration(String identifier, String type, String title, String version, JsonNode changelogDestination,
                               JsonNode config, int interval) {}

    /**
     * Ocean's {@code PATCH /v1/integration/{id}} on every start: type, version, event-listener
     * description, and a mapping when it had none. Fields it does not send keep their value.
     */
    public Installation update(String identifier, JsonNode patch, String credential) {
        Installation stored = remote(identifier);
        if (patch.hasNonNull("config")) {
            JsonNode config = patch.get("config");
            if (!config.isObject()) throw invalid("config", "must be an object (the mapping)");
            MappingParser.forRemoteIntegration().parse(config);
        }
        Instant now = clock.instant();
        String type = text(patch, "installationAppType", stored.type());
        String title = text(patch, "title", stored.title());
        ObjectNode config = patch.hasNonNull("config") ? (ObjectNode) patch.get("config") : stored.config();
        Installation updated = new Installation(identifier, type, title, stored.settings(), config,
                stored.scheduledResyncInterval(), true, stored.createdAt(), now);
        repository.save(updated);
        RemoteState previous = state(identifier).orElse(RemoteState.registered(identifier, credential, null, null));
        JsonNode destination = patch.has("changelogDestination") ? nullable(patch.get("changelogDestination")) : previous.changelogDestination();
        save(new RemoteState(identifier, credential, text(patch, "version", previous.version()), destination,
                previous.resyncState(), previous.currentResyncId(), previous.resyncRequestedAt()));
        return updated;
    }

    public Optional<RemoteState> state(String identifier) {
        return store.read(tx -> tx.findRemoteState(identifier));
    }

    /**
     * Ocean's {@code PATCH .../resync-state}: {@code running} opens a new resync record, the other
     * statuses close the current one. The integration's {@code updatedAt} becomes the state's
     * {@code updatedAt}, which is how a polling Ocean tells its own state reports from a change of
     * its mapping (which should trigger a resync).
     */
    public RemoteState reportResyncState(String identifier, JsonNode body) {
        Installation installation = remote(identifier);
        if (!(body instanceof ObjectNode reported)) throw invalid("", "must be an object with status");
        String status = reported.path("status").asText(null);
        if (status == null || !STATUSES.contains(status)) {
            throw invalid("status", "must be one of " + String.join(", ", STATUSES) + ", got " + reported.get("status"));
        }
        Instant now = clock.instant();
        ObjectNode state = reported.deepCopy();
        state.put("updatedAt", now.toString());
        RemoteState previous = state(identifier).orElse(RemoteState.registered(identifier, null, null, null));
        String resyncId = previous.currentResyncId();
        if (status.equals("running")) {
            resyncId = UUID.randomUUID().toString();
            Instant started = instant(reported, "lastResyncStart", now);
            saveReport(ReportedMetrics.report(identifier, resyncId, started, List.of(), null, null, null), List.of());
        } else {
            resyncId = finishResync(identifier, resyncId, status, instant(reported, "lastResyncEnd", now));
        }
        RemoteState updated = previous.withResyncState(state, resyncId);
        save(updated);
        repository.save(installation.withConfig(installation.config(), now)); // the same mapping, a new updatedAt
        return updated;
    }

    /** Ends the current resync's record (or records one that ended, when it never said it started); returns its id. */
    private String finishResync(String identifier, String resyncId, String status, Instant end) {
        SyncRecord current = resyncId == null ? null : repository.report(identifier, resyncId).orElse(null);
        if (current == null) { // it ended without telling us it started: record what we know
            resyncId = UUID.randomUUID().toString();
            current = new SyncRecord(identifier, resyncId, "syncing", end, null, Json.object());
        }
        SyncState state = SyncState.valueOf(status.toUpperCase(Locale.ROOT));
        String failure = state == SyncState.FAILED ? "the integration reported that the resync failed; its event log says why" : null;
        saveReport(ReportedMetrics.report(identifier, resyncId, current.startedAt(), reportedOf(current), state, end, failure),
                reportedOf(current));
        return resyncId;
    }

    /**
     * Current Ocean's sync metrics, one entry per kind identifier ({@code POST .../syncMetrics} sends
     * several, {@code PUT .../syncMetrics/resync/{eventId}/kind/{kind}} one). They go to the current
     * resync's record; a later entry for the same kind identifier replaces the earlier one.
     */
    public void reportMetrics(String identifier, List<JsonNode> entries) {
        RemoteState state = state(identifier).orElse(RemoteState.registered(identifier, null, null, null));
        SyncRecord current = state.currentResyncId() == null ? null : repository.report(identifier, state.currentResyncId()).orElse(null);
        if (current == null) {
            throw CatalogException.conflict("no_resync", "Integration '" + identifier
                    + "' reported no running resync (PATCH .../resync-state {\"status\": \"running\"}); metrics need one");
        }
        List<JsonNode> reported = new ArrayList<>(reportedOf(current));
        for (JsonNode entry : entries) {
            if (!entry.isObject() || !entry.path("kindIdentifier").isTextual() || !entry.path("metrics").isObject()) {
                throw invalid("syncKindMetrics", "each entry needs kindIdentifier (a string) and metrics (an object)");
            }
            reported.removeIf(e -> e.path("kindIdentifier").asText().equals(entry.path("kindIdentifier").asText()));
            reported.add(entry);
        }
        if (reported.size() > MAX_REPORTED_KINDS) {
            throw new CatalogException(CatalogException.Problem.TOO_LARGE, "payload_too_large",
                    "At most " + MAX_REPORTED_KINDS + " kinds per resync, got " + reported.size());
        }
        SyncState end = current.finishedAt() == null ? null : SyncState.valueOf(current.state().toUpperCase(Locale.ROOT));
        saveReport(ReportedMetrics.report(identifier, current.resyncId(), current.startedAt(), reported, end,
                current.finishedAt(), current.report().path("failure").asText(null)), reported);
    }

    /**
     * The integration's shipped log lines ({@code {message, level, timestamp, extra}}), added to its
     * event log under its current resync. At most {@link #MAX_LOG_LINES} per call.
     */
    public int ingestLogs(String identifier, JsonNode logs) {
        if (logs == null || !logs.isArray()) throw invalid("logs", "must be an array of {message, level, timestamp}");
        if (logs.size() > MAX_LOG_LINES) {
            throw new CatalogException(CatalogException.Problem.TOO_LARGE, "payload_too_large",
                    "At most " + MAX_LOG_LINES + " log lines per request, got " + logs.size());
        }
        String resyncId = state(identifier).map(RemoteState::currentResyncId).orElse(null);
        List<SyncEvent> events = new ArrayList<>();
        for (JsonNode line : logs) {
            String fallbackId = resyncId;
            String message = line.path("message").asText("");
            if (message.length() > MAX_MESSAGE_CHARS) message = message.substring(0, MAX_MESSAGE_CHARS) + "... (cut)";
            String level = line.path("level").asText("INFO").toUpperCase(Locale.ROOT);
            if (level.length() > 16) level = level.substring(0, 16);
            String kind = firstText(line.path("kind"), line.path("extra").path("kind"), line.path("extra").path("resource_kind"));
            events.add(new SyncEvent(identifier, line.path("resyncId").asText(fallbackId), instant(line, "timestamp", clock.instant()),
                    level, kind, message));
        }
        repository.appendEvents(events);
        return events.size();
    }

    /**
     * A warning line in an integration's event log (hosted or remote), under its current resync if
     * it reports one (e.g. dropped properties). 404 when there is no such integration.
     */
    public void warn(String identifier, String kind, String message) {
        manager.get(identifier);
        String resyncId = state(identifier).map(RemoteState::currentResyncId).orElse(null);
        repository.appendEvents(List.of(new SyncEvent(identifier, resyncId, clock.instant(), "WARNING", kind, message)));
    }

    /**
     * Someone asked for a resync of an integration that runs elsewhere: recorded for it to pick up
     * ({@code GET .../resync-request}), and its {@code updatedAt} moves, which a polling Ocean takes
     * as its signal to resync.
     */
    public RemoteState requestResync(String identifier) {
        Installation installation = remote(identifier);
        Instant now = clock.instant();
        RemoteState updated = state(identifier).orElse(RemoteState.registered(identifier, null, null, null)).withResyncRequest(now);
        save(updated);
        repository.save(installation.withConfig(installation.config(), now)); // the same mapping, a new updatedAt
        return updated;
    }

    /**
     * A whole sync report, as {@code portolan integration run} sends it at each step of its resync
     * ({@link SyncReport#toJson()}), saved as given under {@code resyncId}.
     */
    public void saveReport(String identifier, String resyncId, JsonNode body) {
        remote(identifier);
        if (!(body instanceof ObjectNode report) || !report.path("startedAt").isTextual() || !report.path("state").isTextual()) {
            throw invalid("", "must be a sync report with at least state and startedAt");
        }
        report.put("resyncId", resyncId);
        report.put("integration", identifier);
        repository.saveReport(new SyncRecord(identifier, resyncId, report.get("state").asText(), instant(report, "startedAt", null),
                instant(report, "finishedAt", null), report));
    }

    /** The client id that owns the integration's ingest URLs (the one that registered or last updated it), if any. */
    public Optional<String> owner(String identifier) {
        remote(identifier);
        return state(identifier).map(RemoteState::credential);
    }

    private void saveReport(SyncReport report, List<JsonNode> reported) {
        ObjectNode json = report.toJson();
        json.set("reported", Json.array().addAll(reported));
        repository.saveReport(new SyncRecord(report.integration(), report.resyncId(), report.state().wire(), report.startedAt(),
                report.finishedAt(), json));
        metrics.publish(report);
    }

    private static List<JsonNode> reportedOf(SyncRecord record) {
        List<JsonNode> reported = new ArrayList<>();
        record.report().path("reported").forEach(reported::add);
        return reported;
    }

    private Installation remote(String identifier) {
        Installation installation = manager.get(identifier);
        if (!installation.remote()) {
            throw CatalogException.conflict("not_remote", "Integration '" + identifier + "' runs in this server; it reports by itself");
        }
        return installation;
    }

    private void save(RemoteState state) {
        store.write(tx -> {
            tx.saveRemoteState(state);
            return null;
        });
    }

    private static Instant instant(JsonNode body, String field, Instant fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return fallback;
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value.asText()).toInstant();
            } catch (DateTimeParseException again) {
                throw invalid(field, "must be an ISO 8601 date-time, got '" + value.asText() + "'");
            }
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return fallback;
        if (!value.isTextual()) throw invalid(field, "must be a string");
        return value.asText();
    }

    /** The first of these that is a string; Ocean puts a line's kind in {@code extra.kind} or {@code extra.resource_kind}. */
    private static String firstText(JsonNode... values) {
        for (JsonNode value : values) if (value.isTextual()) return value.asText();
        return null;
    }

    private static JsonNode nullable(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static CatalogException invalid(String path, String message) {
        return CatalogException.invalid("invalid_integration", "The integration's report", List.of(new Violation(path, message)));
    }
}
