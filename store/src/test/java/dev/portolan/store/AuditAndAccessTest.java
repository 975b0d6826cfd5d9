package dev.portolan.store;

import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.access.Team;
import dev.portolan.catalog.access.User;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.store.Fixtures.T0;
import static dev.portolan.store.Fixtures.later;
import static dev.portolan.store.StoreReads.*;
import static org.assertj.core.api.Assertions.assertThat;

class AuditAndAccessTest {

    private static List<AuditRecord> audit(CatalogStore store, AuditQuery query) {
        return store.read(tx -> tx.findAudit(query));
    }

    private static AuditQuery query(String identifier, String blueprint, String entity, AuditAction action, String status,
                                    String resourceType, String origin, java.time.Instant from, java.time.Instant to, int limit) {
        return new AuditQuery(identifier, blueprint, entity, action, status, resourceType, origin, from, to, limit);
    }

    private static List<AuditRecord> load(CatalogStore store) {
        List<AuditRecord> records = List.of(
                new AuditRecord("id-1", T0, "blueprint", "service", "service", AuditAction.CREATE, "SUCCESS", "admin",
                        null, List.of("schema"), Fixtures.json("{'before': null, 'after': {'identifier': 'service'}}"), null),
                new AuditRecord("id-2", later(1), "entity", "api", "service", AuditAction.CREATE, "SUCCESS", "integration:git",
                        "git", List.of("title", "properties.url"), null, null),
                new AuditRecord(null, later(2), "entity", "api", "service", AuditAction.UPDATE, "FAILURE", "admin",
                        null, List.of(), null, "schema violation"),
                new AuditRecord(null, later(3), "entity", "service", "other", AuditAction.DELETE, "SUCCESS", "admin",
                        null, null, null, null));
        store.write(tx -> {
            tx.appendAudit(records);
            return null;
        });
        return records;
    }

    @StoreTest
    void auditRecordsComeBackNewestFirstWithAllFields(CatalogStore store) {
        List<AuditRecord> records = load(store);
        List<AuditRecord> found = audit(store, AuditTestRecords.all());

        assertThat(found).hasSize(4);
        assertThat(found).extracting(AuditRecord::timestamp).containsExactly(later(3), later(2), later(1), T0);
        assertThat(found.get(3)).isEqualTo(records.get(0));
        assertThat(found.get(2)).isEqualTo(records.get(1));
        assertThat(found.get(1).id()).isNotBlank();
        assertThat(found.get(1).message()).isEqualTo("schema violation");
        assertThat(found.get(0).changedFields()).isNull();
    }

    @StoreTest
    void auditFiltersCombine(CatalogStore store) {
        load(store);
        assertThat(audit(store, query("id-2", null, null, null, null, null, null, null, null, 10))).extracting(AuditRecord::id)
                .containsExactly("id-2");
        assertThat(audit(store, query(null, "service", null, null, null, null, null, null, null, 10))).hasSize(3);
        assertThat(audit(store, query(null, null, "service", null, null, null, null, null, null, 10)))
                .extracting(AuditRecord::blueprint).containsExactly("other");
        assertThat(audit(store, query(null, null, "api", AuditAction.UPDATE, null, null, null, null, null, 10))).hasSize(1);
        assertThat(audit(store, query(null, null, null, null, "FAILURE", null, null, null, null, 10))).hasSize(1);
        assertThat(audit(store, query(null, null, null, null, null, "blueprint", null, null, null, 10))).extracting(AuditRecord::id)
                .containsExactly("id-1");
        assertThat(audit(store, query(null, null, null, null, null, null, "integration:git", null, null, 10))).hasSize(1);
        assertThat(audit(store, query(null, null, null, null, null, null, null, later(1), later(2), 10)))
                .extracting(AuditRecord::timestamp).containsExactly(later(2), later(1));
        assertThat(audit(store, query(null, null, null, null, null, null, null, null, null, 2)))
                .extracting(AuditRecord::timestamp).containsExactly(later(3), later(2));
        assertThat(audit(store, query(null, "service", null, AuditAction.CREATE, "SUCCESS", "entity", "integration:git",
                T0, later(10), 10))).extracting(AuditRecord::id).containsExactly("id-2");
    }

    @StoreTest
    void appendsLargeAuditBatches(CatalogStore store) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            records.add(AuditTestRecords.record("e" + i, "service", later(i)));
        }
        store.write(tx -> {
            tx.appendAudit(records);
            return null;
        });
        assertThat(audit(store, AuditTestRecords.all())).hasSize(1_000).first()
                .extracting(AuditRecord::identifier).isEqualTo("e1199");
    }

    @StoreTest
    void credentialsAreInsertedListedAndDeleted(CatalogStore store) {
        Credential admin = new Credential("admin-id", "hash", Role.ADMIN, null, "first admin", T0);
        Credential member = new Credential("bot", "hash2", Role.MEMBER, "a@x.io", null, later(1));
        store.write(tx -> {
            tx.insertCredential(member);
            tx.insertCredential(admin);
            return null;
        });

        assertThat(credential(store, "admin-id")).contains(admin);
        assertThat(credentials(store)).containsExactly(admin, member);
        store.write(tx -> {
            tx.deleteCredential("admin-id");
            return null;
        });
        assertThat(credential(store, "admin-id")).isEmpty();
        assertThat(credentials(store)).containsExactly(member);
    }

    @StoreTest
    void teamsAreSavedByName(CatalogStore store) {
        Team platform = new Team("platform", "Platform", List.of("a@x.io"), T0, T0);
        store.write(tx -> {
            tx.saveTeam(platform);
            tx.saveTeam(new Team("data", null, List.of(), T0, T0));
            return null;
        });
        Team renamed = new Team("platform", "The platform", List.of("a@x.io", "b@x.io"), null, later(5));
        store.write(tx -> {
            tx.saveTeam(renamed);
            return null;
        });

        assertThat(team(store, "platform"))
                .contains(new Team("platform", "The platform", List.of("a@x.io", "b@x.io"), T0, later(5)));
        assertThat(teams(store)).extracting(Team::name).containsExactly("data", "platform");
        store.write(tx -> {
            tx.deleteTeam("data");
            return null;
        });
        assertThat(teams(store)).extracting(Team::name).containsExactly("platform");
    }

    @StoreTest
    void usersAreSavedByEmail(CatalogStore store) {
        User alice = new User("alice@x.io", "Alice", "A", Role.ADMIN, "ACTIVE", List.of("platform"), T0, T0);
        store.write(tx -> {
            tx.saveUser(alice);
            tx.saveUser(new User("bob@x.io", null, null, Role.MEMBER, "INVITED", List.of(), T0, T0));
            return null;
        });
        User changed = new User("alice@x.io", "Alice", "B", Role.MEMBER, "ACTIVE", List.of(), T0, later(9));
        store.write(tx -> {
            tx.saveUser(changed);
            return null;
        });

        assertThat(user(store, "alice@x.io")).contains(changed);
        assertThat(users(store)).extracting(User::email).containsExactly("alice@x.io", "bob@x.io");
        store.write(tx -> {
            tx.deleteUser("bob@x.io");
            return null;
        });
        assertThat(user(store, "bob@x.io")).isEmpty();
    }

    @StoreTest
    void settingsKeepTheFirstValue(CatalogStore store) {
        assertThat(setting(store, "key")).isEmpty();
        assertThat(putSetting(store, "key", "one")).isEqualTo("one");
        assertThat(putSetting(store, "key", "two")).isEqualTo("one");
        assertThat(setting(store, "key")).contains("one");
    }
}
