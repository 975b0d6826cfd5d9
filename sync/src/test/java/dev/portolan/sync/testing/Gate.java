package dev.portolan.sync.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point a scripted fetch stops at until the test opens it: lets a test act while a resync is
 * known to be in the middle of a resource (abort it, start another), without sleeping. One-shot:
 * once open, every later pass goes straight through.
 */
public final class Gate {

    /** A safety net only: a test that forgets to open a gate fails instead of hanging the build. */
    static final long SAFETY_SECONDS = 60;

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Called by the fetcher: marks the gate reached and waits until it is opened. */
    void pass() throws InterruptedException {
        reached.countDown();
        if (!opened.await(SAFETY_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened this gate");
        }
    }

    /** Waits until a fetch has reached the gate (and is now blocked on it). */
    public void awaitReached() {
        try {
            if (!reached.await(SAFETY_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("no fetch reached the gate");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean reached() {
        return reached.getCount() == 0;
    }

    /** Lets the blocked fetch (and every later one) through. */
    public void open() {
        opened.countDown();
    }
}
