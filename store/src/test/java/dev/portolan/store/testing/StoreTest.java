package dev.portolan.store.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method once per dialect ({@link TestDatabases#dialects()}), each time on a fresh
 * database. The method may take a {@link dev.portolan.catalog.store.CatalogStore} (opened for the
 * test, closed after it) and/or a {@link TestDatabase} (to open more stores, or start a server).
 *
 * <pre>{@code
 * @StoreTest
 * void savesABlueprint(CatalogStore store) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDialects.class)
public @interface StoreTest {}
