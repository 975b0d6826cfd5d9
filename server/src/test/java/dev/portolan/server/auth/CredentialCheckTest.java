package dev.portolan.server.auth;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.access.SecretHasher;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link AccessService#authenticate} checks a secret, on both databases. */
class CredentialCheckTest {

    /** The stored hashes a secret was checked against, in order. */
    private final List<String> checkedHashes = new ArrayList<>();

    private AccessService access(CatalogStore store) {
        return new AccessService(store, Clock.systemUTC(), (secret, hash) -> {
            checkedHashes.add(hash);
            return SecretHasher.matches(secret, hash);
        });
    }

    @StoreTest
    void anUnknownClientIdCostsTheSameHashingAsAKnownOneWithAWrongSecret(CatalogStore store) {
        AccessService access = access(store);
        access.createCredential("known", "the-secret-of-known", Role.MEMBER, null, null);

        assertThat(access.authenticate("known", "wrong")).isEmpty();
        assertThat(access.authenticate("unknown", "wrong")).isEmpty();

        assertThat(checkedHashes).as("one secret check per attempt, known id or not").hasSize(2);
        assertThat(iterations(checkedHashes.get(1))).as("the unknown id's check derives a key as costly as the known id's")
                .isEqualTo(iterations(checkedHashes.get(0)));
    }

    @StoreTest
    void noSecretMatchesTheHashAnUnknownClientIdIsCheckedAgainst(CatalogStore store) {
        AccessService access = access(store);

        for (String guess : List.of("", "secret", "pbkdf2", SecretHasher.DUMMY_HASH)) {
            assertThat(access.authenticate("unknown", guess)).isEmpty();
        }
        assertThat(checkedHashes).containsOnly(SecretHasher.DUMMY_HASH);
    }

    private static String iterations(String hash) {
        return hash.split("\\$")[1];
    }
}
