package dev.portolan.sync.spi;

import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;

import java.util.Set;

/**
 * A connector to one kind of tool (Git, GitHub, an HTTP API, ...). Stateless: everything an
 * integration needs arrives as parameters, so one instance serves every installation of its type.
 * Registered explicitly (see {@code IntegrationRegistry}), never by classpath scanning.
 *
 * <p>An integration declares its settings once ({@link #settings()}), which drives parsing,
 * validation, the API's error messages and the docs; lists the kinds it can fetch; ships its
 * default blueprints and mapping as resource files; and gives a {@link Fetcher} per kind.
 */
public interface Integration {

    /** The type name users install it by: {@code git}, {@code github}, {@code custom}. */
    String type();

    /** One line for humans: what it connects to. */
    String description();

    /** The settings an installation of this type takes. */
    SettingsDefinition settings();

    /** The kinds it can fetch with these settings (an integration may take them from its settings). */
    Set<String> kinds(Settings settings);

    /**
     * Selector fields its resources accept besides {@code query} (e.g. {@code includedFiles});
     * any other selector field is refused when a mapping is saved.
     */
    default Set<String> selectorFields(String kind) {
        return Set.of();
    }

    /**
     * Root fields of its own that a mapping may carry besides Port's (e.g. GitHub's
     * {@code repositoryType}); the fetchers get them in {@link FetchContext#mappingFields()}.
     */
    default Set<String> mappingFields() {
        return Set.of();
    }

    /** Its default blueprints and mapping, created on install. */
    IntegrationDefaults defaults();

    /** A fetcher for one kind; called once per resource per resync. */
    Fetcher fetcher(String kind, FetchContext context);

    /**
     * Checks settings against the source (reachable, credentials accepted) without throwing, with a
     * message a person can act on. The default accepts everything that parsed.
     */
    default CheckResult check(Settings settings) {
        return CheckResult.ok("settings are valid");
    }

    /**
     * Called once after an installation was saved, before its first resync, for set-up in the
     * source (e.g. creating a webhook). Never throws: the message says what was done or why not,
     * and goes to the event log. The default does nothing.
     *
     * @return a line for the event log, or null when there is nothing to say
     */
    default String onInstalled(String installation, Settings settings) {
        return null;
    }

    /** Its receiver of live events (webhooks), when it takes them. */
    default java.util.Optional<WebhookReceiver> webhooks() {
        return java.util.Optional.empty();
    }
}
