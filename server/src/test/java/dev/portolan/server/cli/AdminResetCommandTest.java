package dev.portolan.server.cli;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code portolan admin reset}, on the database itself. */
class AdminResetCommandTest {

    private record Run(int exitCode, String out, String err) {
        String secret() {
            Matcher m = Pattern.compile("client secret: (\\S+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            return m.group(1);
        }
    }

    private static Run reset(TestDatabase database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "admin";
        all[1] = "reset";
        all[2] = "--db";
        all[3] = database.jdbcUrl();
        System.arraycopy(args, 0, all, 4, args.length);
        return new Run(command.execute(all), out.toString(), err.toString());
    }

    @StoreTest
    void issuesANewSecretForTheAdminAndTheOldOneStopsWorking(TestDatabase database) {
        AccessService.IssuedCredential old;
        try (CatalogStore store = database.openStore()) {
            AccessService access = new AccessService(store, Clock.systemUTC());
            old = access.createCredential("first-admin", null, Role.ADMIN, null, null);
            access.createCredential("bot", null, Role.MEMBER, null, null);
        }

        Run run = reset(database);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("client id:     first-admin");
        try (CatalogStore store = database.openStore()) {
            AccessService access = new AccessService(store, Clock.systemUTC());
            assertThat(access.authenticate("first-admin", run.secret())).isPresent();
            assertThat(access.authenticate("first-admin", old.clientSecret())).isEmpty();
        }
    }

    @StoreTest
    void createsAnAdminCredentialWhenThereIsNone(TestDatabase database) {
        Run run = reset(database);

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (CatalogStore store = database.openStore()) {
            assertThat(new AccessService(store, Clock.systemUTC()).listCredentials()).singleElement()
                    .satisfies(c -> assertThat(c.role()).isEqualTo(Role.ADMIN));
        }
    }

    @StoreTest
    void asksWhichWhenThereAreSeveralAdminsAndRefusesAMemberCredential(TestDatabase database) {
        try (CatalogStore store = database.openStore()) {
            AccessService access = new AccessService(store, Clock.systemUTC());
            access.createCredential("admin-a", null, Role.ADMIN, null, null);
            access.createCredential("admin-b", null, Role.ADMIN, null, null);
            access.createCredential("bot", null, Role.MEMBER, null, null);
        }

        Run several = reset(database);
        Run member = reset(database, "--client-id", "bot");

        assertThat(several.exitCode()).isEqualTo(2);
        assertThat(several.err()).contains("admin-a, admin-b", "--client-id");
        assertThat(member.exitCode()).isEqualTo(2);
        assertThat(member.err()).contains("'bot' is a member credential");
        assertThat(reset(database, "--client-id", "admin-b").exitCode()).isZero();
    }
}
