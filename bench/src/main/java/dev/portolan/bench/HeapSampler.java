package dev.portolan.bench;

/**
 * The most heap in use (live objects and garbage not yet collected) while a resync runs, sampled
 * every 20 ms: what the JVM needed, never more than its maximum heap (the pools' own peaks,
 * reached at different times, add up to more).
 */
public final class HeapSampler {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
    }

    public static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        while (running) {
            peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the peak in bytes. */
    public long stop() throws InterruptedException {
        running = false;
        thread.join();
        return peak;
    }
}
