package dev.portolan.sync.resync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The thread that writes one resource's batches while the resource's own thread fetches and maps
 * the next ones: fetch and map overlap with the database's work instead of waiting for it. At most
 * {@value #QUEUED} batches wait behind the one being written, so memory stays a few batches
 * whatever the source's size, and a fast source waits for a slow database.
 *
 * <p>Batches are written one at a time in the order given. The first batch that throws stops the
 * writing (the batches after it are skipped, as they were never reached before) and its exception
 * is thrown again on the resource's thread at its next call. Not thread-safe: one resource's
 * thread submits, waits and closes.
 */
final class BatchWriter implements AutoCloseable {

    static final int QUEUED = 2;

    private final ExecutorService executor;
    private final Semaphore room = new Semaphore(QUEUED + 1);
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private volatile boolean failed;

    BatchWriter(String name) {
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
    }

    /** Queues a batch's write; waits while {@value #QUEUED} are queued already. Throws what an earlier batch threw. */
    void submit(Runnable write) {
        rethrowFinished();
        room.acquireUninterruptibly();
        try {
            pending.add(executor.submit(() -> {
                try {
                    if (!failed) write.run();
                } catch (RuntimeException | Error e) {
                    failed = true;
                    throw e;
                } finally {
                    room.release();
                }
            }));
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
    }

    /** Waits until every batch submitted is written; throws what one of them threw. */
    void awaitWritten() {
        while (!pending.isEmpty()) {
            join(pending.poll());
        }
    }

    /**
     * Stops: batches not started are dropped, the one being written is waited for (no write of this
     * resync continues after it ends). Used when the resource ends early (an abort, a failure).
     */
    @Override
    public void close() {
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void rethrowFinished() {
        while (!pending.isEmpty() && pending.peek().isDone()) {
            join(pending.poll());
        }
    }

    private static void join(Future<?> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (CancellationException e) {
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
