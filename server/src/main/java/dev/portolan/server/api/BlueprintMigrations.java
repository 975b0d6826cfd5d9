package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import io.javalin.config.RoutesConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Port runs "delete all entities and the blueprint" as a background migration and answers its id;
 * Ocean then polls {@code GET /v1/migrations/{id}} until it is no longer running. Portolan deletes
 * at once, inside the request, and records the migration as {@code COMPLETED} (in the server's
 * settings table, so every replica answers the poll).
 */
public final class BlueprintMigrations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "migration.";

    private final CatalogStore store;
    private final Clock clock;

    public BlueprintMigrations(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/migrations/{id}", ctx -> {
            dev.portolan.server.auth.Authenticator.principal(ctx);
            ObjectNode migration = find(ctx.pathParam("id")).orElseThrow(() ->
                    dev.portolan.catalog.CatalogException.notFound("Migration", ctx.pathParam("id")));
            Responses.send(ctx, Responses.ok("migration", migration));
        });
    }

    /** Records a finished deletion of a blueprint with all its entities; returns the migration's id. */
    String completed(String blueprint, String actor) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String id = "migration_" + HexFormat.of().formatHex(bytes);
        ObjectNode migration = Json.object();
        migration.put("id", id);
        migration.put("actor", actor);
        migration.put("sourceBlueprint", blueprint);
        migration.putObject("mapping");
        migration.put("status", "COMPLETED");
        migration.put("createdAt", clock.instant().toString());
        store.write(tx -> tx.putSettingIfAbsent(KEY + id, Json.write(migration)));
        return id;
    }

    Optional<ObjectNode> find(String id) {
        return store.read(tx -> tx.findSetting(KEY + id)).map(text -> (ObjectNode) Json.parse(text));
    }
}
