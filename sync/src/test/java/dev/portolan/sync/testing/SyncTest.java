package dev.portolan.sync.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method once per dialect (SQLite and PostgreSQL, or those named in
 * {@code PORTOLAN_TEST_DIALECTS}), each time with a {@link SyncHarness} on a fresh database,
 * closed (and the database deleted) after it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(SyncHarnessPerDialect.class)
public @interface SyncTest {}
