package dev.portolan.sync.testing;

import dev.portolan.store.testing.PerDialect;

/** The JUnit extension behind {@link SyncTest}: one invocation per dialect, each with its own {@link SyncHarness}. */
public final class SyncHarnessPerDialect extends PerDialect<SyncHarness> {

    public SyncHarnessPerDialect() {
        super(SyncHarness.class, SyncHarness::open);
    }
}
