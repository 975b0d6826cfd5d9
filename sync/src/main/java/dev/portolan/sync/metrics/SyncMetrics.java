package dev.portolan.sync.metrics;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.ReconciliationReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports sync reports as Prometheus metrics, the names Ocean uses:
 * <ul>
 *   <li>{@code object_count{integration,kind,phase,object_count_type}} — phases {@code extract},
 *       {@code transform}, {@code load}, {@code delete}; types {@code raw_extracted},
 *       {@code transformed}, {@code filtered_out}, {@code failed}, {@code loaded}, {@code skipped},
 *       {@code deleted};</li>
 *   <li>{@code duration_seconds{integration,kind,phase}} — phase {@code resync} per kind and
 *       for {@code __reconciliation__}, and for {@code __runtime__} the whole resync;</li>
 *   <li>{@code success{integration,kind,phase}} — 1 when that part of the latest resync succeeded, else 0.</li>
 * </ul>
 * Values are those of each integration's latest (or running) resync; labels are limited to
 * integration, kind, phase and count type. Thread-safe.
 */
public final class SyncMetrics {

    public static final String RECONCILIATION = "__reconciliation__";
    public static final String RUNTIME = "__runtime__";

    private final MeterRegistry registry;
    private record Series(AtomicReference<Double> value, Gauge gauge) {}

    private final Map<Tags, Series> values = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Publishes (or refreshes) the metrics of a report; call during and after a resync. */
    public void publish(SyncReport report) {
        String integration = report.integration();
        for (KindReport k : report.kinds()) {
            String kind = k.kindIdentifier();
            count(integration, kind, "extract", "raw_extracted", k.fetchedCount());
            count(integration, kind, "extract", "failed", k.fetchFailedCount());
            count(integration, kind, "transform", "transformed", k.transformedCount());
            count(integration, kind, "transform", "filtered_out", k.filteredOutCount());
            count(integration, kind, "transform", "failed", k.mapFailedCount());
            count(integration, kind, "load", "loaded", k.ingestedCount());
            count(integration, kind, "load", "skipped", k.notChangedCount());
            count(integration, kind, "load", "failed", k.ingestFailedCount());
            duration(integration, kind, "resync", k.durationMillis());
            success(integration, kind, "extract", k.fetchFailedCount() == 0);
            success(integration, kind, "transform", k.complete());
            success(integration, kind, "load", k.ingestFailedCount() == 0);
            k.fetchFigures().forEach((name, value) -> set("fetch_" + name, Tags.of("integration", integration, "kind", kind), value));
        }
        ReconciliationReport r = report.reconciliation();
        count(integration, RECONCILIATION, "load", "loaded", r.reingestedCount());
        count(integration, RECONCILIATION, "load", "failed", r.reingestFailedCount());
        count(integration, RECONCILIATION, "delete", "deleted", r.deletedCount());
        count(integration, RECONCILIATION, "delete", "failed", r.deleteFailedCount());
        duration(integration, RECONCILIATION, "resync", r.durationMillis());
        success(integration, RECONCILIATION, "delete", r.deletionSkippedReason() == null && r.deleteFailedCount() == 0);
        if (report.finishedAt() != null) {
            duration(integration, RUNTIME, "resync",
                    java.time.Duration.between(report.startedAt(), report.finishedAt()).toMillis());
            success(integration, RUNTIME, "resync", report.state() == SyncState.COMPLETED);
            dropResourcesNoLongerMapped(integration, report);
        }
    }

    /**
     * Counts what live events (webhooks) did, outside any resync:
     * {@code live_event_count{integration,kind,result}}, result being {@code upserted}, {@code deleted},
     * {@code filtered_out}, {@code failed}, {@code duplicate} or {@code rejected}.
     */
    public void liveEvent(String integration, String kind, String result, long count) {
        if (count == 0) return;
        Tags tags = Tags.of("integration", integration, "kind", kind, "result", result);
        Series series = values.computeIfAbsent(tags.and("__name", "live_event_count"), k -> {
            AtomicReference<Double> holder = new AtomicReference<>(0.0);
            return new Series(holder, Gauge.builder("live_event_count", holder, AtomicReference::get).tags(tags).register(registry));
        });
        series.value().accumulateAndGet((double) count, Double::sum);
    }

    /** Once a resync has finished, series of resources its mapping no longer has would only mislead: they go. */
    private void dropResourcesNoLongerMapped(String integration, SyncReport report) {
        java.util.Set<String> current = new java.util.HashSet<>(java.util.List.of(RECONCILIATION, RUNTIME));
        report.kinds().forEach(k -> current.add(k.kindIdentifier()));
        values.entrySet().removeIf(entry -> {
            Tags tags = entry.getKey();
            boolean gone = !"live_event_count".equals(tag(tags, "__name")) && integration.equals(tag(tags, "integration")) && !current.contains(tag(tags, "kind"));
            if (gone) registry.remove(entry.getValue().gauge());
            return gone;
        });
    }

    private static String tag(Tags tags, String key) {
        return tags.stream().filter(t -> t.getKey().equals(key)).map(io.micrometer.core.instrument.Tag::getValue).findFirst().orElse(null);
    }

    private void count(String integration, String kind, String phase, String type, long value) {
        set("object_count", Tags.of("integration", integration, "kind", kind, "phase", phase, "object_count_type", type), value);
    }

    private void duration(String integration, String kind, String phase, long millis) {
        set("duration_seconds", Tags.of("integration", integration, "kind", kind, "phase", phase), millis / 1000.0);
    }

    private void success(String integration, String kind, String phase, boolean ok) {
        set("success", Tags.of("integration", integration, "kind", kind, "phase", phase), ok ? 1 : 0);
    }

    private void set(String name, Tags tags, double value) {
        Tags key = tags.and("__name", name);
        values.computeIfAbsent(key, k -> {
            AtomicReference<Double> holder = new AtomicReference<>(0.0);
            return new Series(holder, Gauge.builder(name, holder, AtomicReference::get).tags(tags).register(registry));
        }).value().set(value);
    }
}
