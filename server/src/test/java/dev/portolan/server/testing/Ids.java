package dev.portolan.server.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Identifiers no other test uses, so that tests sharing a server never see each other's data. */
public final class Ids {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Ids() {}

    /** {@code prefix} plus a number unique in this test run, e.g. {@code service_17}. */
    public static String unique(String prefix) {
        return prefix + "_" + NEXT.incrementAndGet();
    }
}
