package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.sync.host.RemoteIntegrations;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the writer which properties of an entity were dropped because its blueprint does not
 * define them (see {@code UnknownProperties}): a {@code warnings} field in the response (Port
 * clients ignore fields they do not know), and, when an integration writes, a warning line in its
 * event log, once per resync, blueprint and set of properties, so a resync of thousands of
 * entities adds one line, not thousands.
 */
final class DroppedProperties {

    /** Distinct warnings remembered; past this the memory starts again (at worst a line is repeated). */
    private static final int REMEMBERED = 10_000;

    private final RemoteIntegrations remotes;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    DroppedProperties(RemoteIntegrations remotes) {
        this.remotes = remotes;
    }

    /** Adds {@code warnings} to a response for one entity, when it lost properties. */
    static void addWarning(ObjectNode response, String blueprint, UpsertOutcome outcome) {
        if (outcome.droppedProperties().isEmpty()) return;
        ObjectNode warning = response.withArray("warnings").addObject();
        warning.put("code", "properties_dropped");
        ArrayNode names = warning.putArray("properties");
        outcome.droppedProperties().forEach(names::add);
        warning.put("message", message(blueprint, outcome));
    }

    /** Logs the dropped properties of these outcomes in the writing integration's event log, if an integration writes. */
    void log(Actor actor, String blueprint, List<UpsertOutcome> outcomes) {
        var integration = Authenticator.writingIntegration(actor);
        if (integration.isEmpty()) return;
        for (UpsertOutcome outcome : outcomes) {
            if (outcome.droppedProperties().isEmpty()) continue;
            String resync = remotes.state(integration.get()).map(RemoteState::currentResyncId).orElse("");
            String key = integration.get() + "\n" + resync + "\n" + blueprint + "\n" + outcome.droppedProperties();
            if (logged.size() >= REMEMBERED) logged.clear();
            if (!logged.add(key)) continue;
            try {
                remotes.warn(integration.get(), null, message(blueprint, outcome)
                        + " (logged once per resync for these properties; other entities may have lost them too)");
            } catch (dev.portolan.catalog.CatalogException e) {
                logged.remove(key); // no such integration: nothing to log to
            }
        }
    }

    private static String message(String blueprint, UpsertOutcome outcome) {
        return "Entity '" + outcome.identifier() + "' of blueprint '" + blueprint + "': properties "
                + String.join(", ", outcome.droppedProperties()) + " are not defined by the blueprint and were not stored";
    }
}
