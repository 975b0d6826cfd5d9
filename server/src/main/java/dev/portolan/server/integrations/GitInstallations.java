package dev.portolan.server.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.json.Json;
import dev.portolan.integrations.git.GitIntegration;
import dev.portolan.sync.host.InstallRequest;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.ResyncLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Git installations the server makes by itself: {@code serve --git} and the quickstart. Both
 * install under the identifier {@value #IDENTIFIER}, with the integration's default mapping, so a
 * second start finds and reuses what the first made. Thread-safe (the manager is).
 */
public final class GitInstallations {

    /** The identifier of the installation {@code serve --git} and the quickstart make. */
    public static final String IDENTIFIER = "git";

    private static final Logger LOG = LoggerFactory.getLogger(GitInstallations.class);

    private final IntegrationManager manager;
    private final ResyncLauncher launcher;

    public GitInstallations(IntegrationManager manager, ResyncLauncher launcher) {
        this.manager = manager;
        this.launcher = launcher;
    }

    /** Installs on {@code repositories}, starting the first resync. */
    public Installation install(List<String> repositories) {
        return manager.install(new InstallRequest(IDENTIFIER, GitIntegration.TYPE, "Git repositories", settings(repositories), null, 0));
    }

    /**
     * {@code serve --git}: installs on {@code repositories}, or, when a start before did, reuses that
     * installation — its repositories replaced by these when they differ (its mapping and other
     * settings kept) — and starts a resync either way.
     *
     * @throws CatalogException 409 when {@value #IDENTIFIER} is another type's installation, 422 for bad repositories
     */
    public Installation installOrReuse(List<String> repositories) {
        Optional<Installation> existing = manager.list().stream().filter(i -> i.identifier().equals(IDENTIFIER)).findFirst();
        if (existing.isEmpty()) {
            LOG.info("Installing the Git integration '{}' on {}", IDENTIFIER, repositories);
            return install(repositories);
        }
        Installation installation = existing.get();
        if (!installation.type().equals(GitIntegration.TYPE) || installation.remote()) {
            throw CatalogException.conflict("identifier_taken", "--git installs the Git integration as '" + IDENTIFIER
                    + "', but that identifier is taken by a '" + installation.type() + "' integration; uninstall it or rename it first");
        }
        if (!repositories(installation).equals(repositories)) {
            LOG.info("The Git integration '{}' now reads {} (was {})", IDENTIFIER, repositories, repositories(installation));
            installation = manager.update(IDENTIFIER, Json.object().set("repositories", array(repositories)), null, null);
        }
        launcher.start(IDENTIFIER, "start");
        return installation;
    }

    /** The installation of this type that lists {@code repository} among its repositories, if any. */
    public Optional<Installation> reading(String repository) {
        return manager.list().stream()
                .filter(i -> i.type().equals(GitIntegration.TYPE) && !i.remote() && repositories(i).contains(repository))
                .findFirst();
    }

    /** Whether an installation already has the identifier these installations take. */
    public boolean identifierTaken() {
        return manager.list().stream().anyMatch(i -> i.identifier().equals(IDENTIFIER));
    }

    private static List<String> repositories(Installation installation) {
        List<String> values = new ArrayList<>();
        installation.settings().path("repositories").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static ObjectNode settings(List<String> repositories) {
        return Json.object().set("repositories", array(repositories));
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
