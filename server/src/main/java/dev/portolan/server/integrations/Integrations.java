package dev.portolan.server.integrations;

import dev.portolan.integrations.custom.CustomIntegration;
import dev.portolan.integrations.github.GithubIntegration;
import dev.portolan.integrations.custom.FileFolders;
import dev.portolan.sync.host.IntegrationRegistry;

/** The integration types this server can run: the one place where they are registered. */
public final class Integrations {

    private Integrations() {}

    /** @param fileFolders where {@code file:} sources may be read from */
    public static IntegrationRegistry registry(FileFolders fileFolders) {
        return new IntegrationRegistry()
                .register(new CustomIntegration(fileFolders))
                .register(new GithubIntegration());
    }
}
