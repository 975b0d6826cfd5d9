package dev.portolan.server.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an API test once per dialect ({@link dev.portolan.store.testing.TestDatabases#dialects()})
 * against a started server, passed as an {@link ApiServer} parameter. The server is shared by the
 * tests of one class on one dialect (started on first use, stopped after the class), so tests must
 * not depend on each other's data: each uses its own blueprint identifiers ({@link Ids}).
 *
 * <pre>{@code
 * @ApiTest
 * void createsABlueprint(ApiServer server) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothServers.class)
public @interface ApiTest {}
