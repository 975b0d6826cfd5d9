package dev.portolan.server.integrations;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.integrations.git.GitIntegration;
import dev.portolan.ui.home.Quickstart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one-click install on the Git repository the server was started from (its working directory,
 * or the repository holding it): what {@code /v1/quickstart/git} and the home page's button offer.
 */
public final class GitQuickstart implements Quickstart {

    private final GitInstallations installations;
    private final Path workingDirectory;
    private final Path repository;

    /** @param workingDirectory where the server was started */
    public GitQuickstart(GitInstallations installations, Path workingDirectory) {
        this.installations = installations;
        this.workingDirectory = workingDirectory;
        this.repository = GitIntegration.enclosingRepository(workingDirectory).orElse(null);
    }

    /** The repository holding the server's working directory, if any: allowed to be read without naming its folder. */
    public Optional<Path> repository() {
        return Optional.ofNullable(repository);
    }

    @Override
    public Optional<Offer> offer() {
        if (repository == null) return Optional.empty();
        Optional<Installation> reading = installations.reading(repository.toString());
        if (reading.isPresent()) return Optional.of(new Offer(repository.toString(), true, reading.get().identifier()));
        return Optional.of(new Offer(repository.toString(), installations.identifierTaken(), GitInstallations.IDENTIFIER));
    }

    @Override
    public synchronized String install() {
        Offer offer = offer().orElseThrow(() -> CatalogException.invalid("no_repository", "The quickstart", List.of(new Violation("directory",
                "the server's working directory (" + workingDirectory + ") is not in a Git repository; start Portolan "
                        + "from one, or install the git integration with POST /v1/integration"))));
        if (offer.installed()) {
            throw CatalogException.conflict("already_installed", "The Git integration '" + offer.integration() + "' is already installed"
                    + (installations.reading(offer.directory()).isPresent() ? " on " + offer.directory() : ""));
        }
        return installations.install(List.of(offer.directory())).identifier();
    }
}
