package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one resource of one resync, per stage: fetch, map, ingest. Recorded through
 * intention-revealing calls ({@code fetched(page.size())}) by the one thread that runs the resource;
 * read by others only through {@link #toJson()} snapshots (methods are synchronized for that).
 */
public final class KindReport {

    /** How many failures of each stage are kept with their details. */
    public static final int KEPT_ERRORS = 10;

    private final String kind;
    private final int index;
    private long fetched;
    private int fetchFailed;
    private String fetchError;
    private long transformed;
    private long filteredOut;
    private long mapFailed;
    private final List<String> mapErrors = new ArrayList<>();
    private long ingested;
    private long created;
    private long notChanged;
    private long ingestFailed;
    private final List<String> ingestErrors = new ArrayList<>();
    private long durationMillis;
    private long fetchNanos;
    private long mapNanos;
    private long ingestNanos;
    private boolean mappingBroken;
    private final java.util.Map<String, Long> fetchFigures = new java.util.TreeMap<>();
    private final List<String> fetchNotes = new ArrayList<>();
    private String brokenReason;

    public KindReport(String kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    /** Port's kind identifier: {@code "{kind}-{index}"}, the index being the resource's place in the mapping. */
    public String kindIdentifier() {
        return kind + "-" + index;
    }

    public String kind() {
        return kind;
    }

    public synchronized void fetched(int objects) {
        fetched += objects;
    }

    /** The fetch failed: the resource is incomplete, so nothing may be deleted in this resync. */
    public synchronized void fetchFailed(String message) {
        fetchFailed = 1;
        // What was fetched before the failure stays counted: it was mapped and ingested, so the
        // counters must agree with each other (deletion is blocked by complete(), not by a zero).
        fetchError = message;
    }

    /** A note of the fetch (a rate-limit wait, ...); the first {@link #KEPT_ERRORS} are kept. */
    public synchronized void fetchNote(String message) {
        if (fetchNotes.size() < KEPT_ERRORS) fetchNotes.add(message);
    }

    /** Adds to one of the integration's own fetch figures (requests, answers from cache, ...). */
    public synchronized void addFetchFigure(String name, long delta) {
        fetchFigures.merge(name, delta, Long::sum);
    }

    /** Sets one of the integration's own fetch figures to its latest value (rate limit left, ...). */
    public synchronized void setFetchFigure(String name, long value) {
        fetchFigures.put(name, value);
    }

    public synchronized java.util.Map<String, Long> fetchFigures() {
        return java.util.Map.copyOf(fetchFigures);
    }

    public synchronized List<String> fetchNotes() {
        return List.copyOf(fetchNotes);
    }

    public synchronized void transformed(int entities) {
        transformed += entities;
    }

    public synchronized void filteredOut(int objects) {
        filteredOut += objects;
    }

    public synchronized void mapFailed(String problem) {
        mapFailed++;
        if (mapErrors.size() < KEPT_ERRORS) mapErrors.add(problem);
    }

    /** The mapping could not run at all (e.g. an expression broke on every object): incomplete, like a failed fetch. */
    public synchronized void mappingBroken(String problem) {
        if (!mappingBroken) brokenReason = problem;
        mappingBroken = true;
        if (mapErrors.size() < KEPT_ERRORS) mapErrors.add(problem);
    }

    /** Ingested entities, without telling new ones from updated ones (a remote integration's reported figures). */
    public synchronized void ingested(int entities) {
        ingested += entities;
    }

    /** Ingested entities, {@code created} of them new (the others updated): the History's "what changed" in numbers. */
    public synchronized void ingested(int entities, int created) {
        ingested += entities;
        this.created += created;
    }

    public synchronized void notChanged(int entities) {
        notChanged += entities;
    }

    public synchronized void ingestFailed(String problem) {
        ingestFailed++;
        if (ingestErrors.size() < KEPT_ERRORS) ingestErrors.add(problem);
    }

    /**
     * Counts an integration that runs elsewhere reported for this resource (Ocean's sync metrics),
     * added to what is counted already. It reports numbers only, so no error details are kept.
     */
    public synchronized void reported(long fetchedObjects, long transformedEntities, long filteredOutObjects, long mapFailures,
                                      long ingestedEntities, long notChangedEntities, long ingestFailures) {
        fetched += fetchedObjects;
        transformed += transformedEntities;
        filteredOut += filteredOutObjects;
        mapFailed += mapFailures;
        ingested += ingestedEntities;
        notChanged += notChangedEntities;
        ingestFailed += ingestFailures;
    }

    /** Time spent waiting for the source, mapping, and writing to the catalog, for the stage durations. */
    public synchronized void spent(Stage stage, long nanos) {
        switch (stage) {
            case FETCH -> fetchNanos += nanos;
            case MAP -> mapNanos += nanos;
            case INGEST -> ingestNanos += nanos;
        }
    }

    /** The stages of a resource, for {@link #spent}. */
    public enum Stage { FETCH, MAP, INGEST }

    public synchronized double stageSeconds(Stage stage) {
        return switch (stage) {
            case FETCH -> fetchNanos / 1e9;
            case MAP -> mapNanos / 1e9;
            case INGEST -> ingestNanos / 1e9;
        };
    }

    public synchronized void finished(long millis) {
        durationMillis = millis;
    }

    /** Whether this resource saw the whole source: fetched completely and mapped at all. */
    public synchronized boolean complete() {
        return fetchFailed == 0 && !mappingBroken;
    }

    /** Why this resource did not complete ({@code fetch failed: ...}, or why its mapping could not run), or null when it did. */
    public synchronized String incompleteReason() {
        if (fetchFailed > 0) return "fetch failed: " + fetchError;
        return mappingBroken ? brokenReason : null;
    }

    public synchronized long fetchedCount() { return fetched; }
    public synchronized long fetchFailedCount() { return fetchFailed; }
    public synchronized long transformedCount() { return transformed; }
    public synchronized long filteredOutCount() { return filteredOut; }
    public synchronized long mapFailedCount() { return mapFailed; }
    public synchronized long ingestedCount() { return ingested; }
    public synchronized long createdCount() { return created; }
    public synchronized long notChangedCount() { return notChanged; }
    public synchronized long ingestFailedCount() { return ingestFailed; }
    public synchronized long durationMillis() { return durationMillis; }
    public synchronized String fetchError() { return fetchError; }
    public synchronized List<String> mapErrors() { return List.copyOf(mapErrors); }
    public synchronized List<String> ingestErrors() { return List.copyOf(ingestErrors); }

    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", kind);
        json.put("kindIdentifier", kindIdentifier());
        ObjectNode fetch = json.putObject("fetch");
        fetch.put("fetched", fetched).put("failed", fetchFailed).put("durationSeconds", fetchNanos / 1e9);
        if (fetchError != null) fetch.put("error", fetchError);
        if (!fetchFigures.isEmpty()) {
            ObjectNode figures = fetch.putObject("figures");
            fetchFigures.forEach(figures::put);
        }
        if (!fetchNotes.isEmpty()) strings(fetch.putArray("notes"), fetchNotes);
        ObjectNode map = json.putObject("map");
        map.put("transformed", transformed).put("filteredOut", filteredOut).put("failed", mapFailed)
                .put("durationSeconds", mapNanos / 1e9);
        strings(map.putArray("errors"), mapErrors);
        ObjectNode ingest = json.putObject("ingest");
        ingest.put("ingested", ingested).put("created", created).put("updated", ingested - created)
                .put("notChanged", notChanged).put("failed", ingestFailed)
                .put("durationSeconds", ingestNanos / 1e9);
        strings(ingest.putArray("errors"), ingestErrors);
        json.put("durationSeconds", durationMillis / 1000.0);
        json.put("complete", complete());
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
