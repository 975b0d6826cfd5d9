package dev.portolan.sync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What the source of one kind serves in the coming resyncs: pages of raw JSON objects, made on
 * demand (so a large source never sits in memory), plus what goes wrong on the way: a fetch that
 * fails at a page, a page that blocks on a {@link Gate}, a hook that runs when a page is served.
 * Immutable; the {@code with...} methods return changed copies. Pages are numbered from 0.
 */
public final class KindScript {

    private final long total;
    private final int pageSize;
    private final LongFunction<JsonNode> object;
    private final Map<Integer, String> failures;
    private final Map<Integer, Gate> gates;
    private final Map<Integer, Runnable> hooks;

    private KindScript(long total, int pageSize, LongFunction<JsonNode> object, Map<Integer, String> failures,
                       Map<Integer, Gate> gates, Map<Integer, Runnable> hooks) {
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1");
        this.total = total;
        this.pageSize = pageSize;
        this.object = object;
        this.failures = Map.copyOf(failures);
        this.gates = Map.copyOf(gates);
        this.hooks = Map.copyOf(hooks);
    }

    /** The given objects, {@code pageSize} per page. */
    public static KindScript of(int pageSize, List<? extends JsonNode> objects) {
        List<JsonNode> copy = List.copyOf(objects);
        return new KindScript(copy.size(), pageSize, i -> copy.get((int) i), Map.of(), Map.of(), Map.of());
    }

    /** JSON texts of objects, all on one page. */
    public static KindScript objects(String... json) {
        List<JsonNode> objects = new ArrayList<>();
        for (String text : json) objects.add(Json.parse(text));
        return of(Math.max(1, objects.size()), objects);
    }

    /** A source with nothing in it (one empty page). */
    public static KindScript empty() {
        return of(1, List.of());
    }

    /** {@code total} objects made by {@code object(index)} as their page is fetched, never all at once. */
    public static KindScript generated(long total, int pageSize, LongFunction<JsonNode> object) {
        return new KindScript(total, pageSize, object, Map.of(), Map.of(), Map.of());
    }

    /** The fetch of page {@code page} throws a {@link FetchException} with {@code message}. */
    public KindScript failingAt(int page, String message) {
        Map<Integer, String> changed = new HashMap<>(failures);
        changed.put(page, message);
        return new KindScript(total, pageSize, object, changed, gates, hooks);
    }

    /** The fetch of page {@code page} waits at {@code gate} until the test opens it. */
    public KindScript blockingAt(int page, Gate gate) {
        Map<Integer, Gate> changed = new HashMap<>(gates);
        changed.put(page, gate);
        return new KindScript(total, pageSize, object, failures, changed, hooks);
    }

    /** {@code hook} runs (on the resync's thread) just before page {@code page} is returned. */
    public KindScript onPage(int page, Runnable hook) {
        Map<Integer, Runnable> changed = new HashMap<>(hooks);
        changed.put(page, hook);
        return new KindScript(total, pageSize, object, failures, gates, changed);
    }

    public long total() {
        return total;
    }

    int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** Serves page {@code page}, failing, blocking or running a hook as scripted. */
    Page page(int page) throws FetchException {
        Gate gate = gates.get(page);
        if (gate != null) {
            try {
                gate.pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted at a gate", true, e);
            }
        }
        String failure = failures.get(page);
        if (failure != null) throw new FetchException(failure, false);
        long from = (long) page * pageSize;
        long to = Math.min(total, from + pageSize);
        List<JsonNode> objects = new ArrayList<>((int) Math.max(0, to - from));
        for (long i = from; i < to; i++) objects.add(object.apply(i));
        Runnable hook = hooks.get(page);
        if (hook != null) hook.run();
        return new Page(objects, page + 1 < pages() ? Integer.toString(page + 1) : null);
    }
}
