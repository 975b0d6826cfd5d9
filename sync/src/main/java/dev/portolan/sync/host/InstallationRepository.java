package dev.portolan.sync.host;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;

import java.util.List;
import java.util.Optional;

/**
 * Where installations, their sync reports and event logs are kept. The server implements it over
 * its database; a standalone integration process over the server's API. Thread-safe.
 */
public interface InstallationRepository {

    Optional<Installation> find(String identifier);

    List<Installation> list();

    /** Inserts or replaces by identifier. */
    void save(Installation installation);

    /** Deletes the installation with its reports and event log. */
    void delete(String identifier);

    /** The mapping as last saved in the web UI, as written there (YAML with its comments); empty when none is kept. */
    default Optional<String> mappingText(String integration) {
        return Optional.empty();
    }

    /** Keeps the text a mapping was saved from; a repository that keeps none ignores it. */
    default void saveMappingText(String integration, String yaml) {}

    /** Inserts or replaces the report of one resync (called while it runs, and when it ends). */
    void saveReport(SyncRecord sync);

    /** Reports, newest first. */
    List<SyncRecord> reports(String integration, int limit);

    Optional<SyncRecord> report(String integration, String resyncId);

    /** The reports still {@code syncing}, of every installation (running, or left so by a process that died). */
    default List<SyncRecord> runningReports() {
        return list().stream().flatMap(i -> reports(i.identifier(), 20).stream())
                .filter(r -> "syncing".equals(r.state())).toList();
    }

    /**
     * Replaces a report only while it is still {@code syncing} (so one its own resync finished
     * meanwhile is left alone); returns whether it did. The database does this in one statement.
     */
    default boolean replaceRunningReport(SyncRecord sync) {
        if (report(sync.integration(), sync.resyncId()).filter(r -> "syncing".equals(r.state())).isEmpty()) return false;
        saveReport(sync);
        return true;
    }

    void appendEvents(List<SyncEvent> events);

    /** Newest first; {@code resyncId} null for every resync. */
    default List<SyncEvent> events(String integration, String resyncId, int limit) {
        return events(SyncEventQuery.of(integration, resyncId, limit));
    }

    /** Newest first, filtered and paged. */
    List<SyncEvent> events(SyncEventQuery query);

    /**
     * Keeps the samples one resource of a resync took (all of one integration and resync). Only the
     * samples of the latest {@link #KEPT_SAMPLED_RESYNCS} resyncs are kept: older ones go.
     */
    void saveSamples(List<SyncSample> samples);

    /**
     * Samples in resource then position order.
     *
     * @param resyncId      null: the latest resync that kept samples
     * @param resourceIndex null: every resource
     */
    List<SyncSample> samples(String integration, String resyncId, Integer resourceIndex);

    /** The sample that produced an entity in the latest resync that kept samples, with its raw object. */
    Optional<SyncSample> sampleOf(String integration, EntityKey entity);

    /** How many resyncs' samples are kept per integration. */
    int KEPT_SAMPLED_RESYNCS = 3;
}
