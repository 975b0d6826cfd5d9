package dev.portolan.jq;

/**
 * Runs a task on a fresh thread with a large stack and waits for it, rethrowing what it threw: for
 * legitimately deep jq (recursion, values 10,000 levels deep) and for the test runner.
 */
public final class LargeStack {
    private static final long STACK_BYTES = 1L << 30;

    private LargeStack() {
    }

    public static void run(Runnable task) {
        Throwable[] failure = {null};
        Thread thread = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "jq-large-stack", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new JqLimitException(JqLimitException.Reason.CANCELLED, "jq evaluation was interrupted");
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }
}
