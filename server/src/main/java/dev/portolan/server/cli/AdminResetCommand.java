package dev.portolan.server.cli;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.store.CatalogStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code portolan admin reset}: a new secret for the admin credential, for whoever has the data
 * directory (or the database) but lost the secret, or never saw it. The old secret and its tokens
 * stop working. With no admin credential at all, one is created. Exit codes: 0 done, 2 nothing
 * done (the message says why).
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Issue a new secret for the admin credential (creating one when there is none) and print it once.")
public final class AdminResetCommand implements Callable<Integer> {

    @Option(names = "--client-id", description = "Which admin credential (needed when there are several; created when missing).")
    String clientId;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogStore store = database.open()) {
            AccessService access = new AccessService(store, Clock.systemUTC());
            AccessService.IssuedCredential issued = issue(access);
            out.println("A new admin secret was issued. It is shown only now; keep it:");
            out.println("  client id:     " + issued.credential().clientId());
            out.println("  client secret: " + issued.clientSecret());
            out.println("The previous secret and the tokens issued with it no longer work.");
            out.flush();
            return 0;
        } catch (CatalogException | IllegalStateException e) {
            err.println("portolan admin reset: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private AccessService.IssuedCredential issue(AccessService access) {
        if (clientId != null) {
            Credential existing = access.findCredential(clientId).orElse(null);
            if (existing == null) return access.createCredential(clientId, null, Role.ADMIN, null, "admin (from portolan admin reset)");
            if (existing.role() != Role.ADMIN) {
                throw new IllegalStateException("credential '" + clientId + "' is a member credential, not an admin one; "
                        + "name an admin credential, or a new client id to create one");
            }
            return access.resetSecret(clientId);
        }
        List<Credential> admins = access.listCredentials().stream().filter(c -> c.role() == Role.ADMIN).toList();
        if (admins.isEmpty()) return access.createCredential(null, null, Role.ADMIN, null, "admin (from portolan admin reset)");
        if (admins.size() > 1) {
            throw new IllegalStateException("there are " + admins.size() + " admin credentials ("
                    + String.join(", ", admins.stream().map(Credential::clientId).toList()) + "); say which with --client-id");
        }
        return access.resetSecret(admins.getFirst().clientId());
    }
}
