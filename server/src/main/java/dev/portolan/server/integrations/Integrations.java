package dev.portolan.server.integrations;

import dev.portolan.integrations.custom.CustomIntegration;
import dev.portolan.integrations.github.GithubIntegration;
import dev.portolan.sync.host.IntegrationRegistry;

/** The integration types this server can run: the one place where they are registered. */
public final class Integrations {

    private Integrations() {}

    public static IntegrationRegistry registry() {
        return new IntegrationRegistry()
                .register(new CustomIntegration())
                .register(new GithubIntegration());
    }
}
