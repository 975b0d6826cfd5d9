package dev.portolan.catalog.access;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Teams, users and API credentials. A team's member list and a user's team list are two views of
 * one fact; this service keeps them in step. Thread-safe.
 */
public final class AccessService {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern TEAM_NAME = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    private final CatalogStore store;
    private final Clock clock;
    private final CredentialCache current;
    private final BiPredicate<String, String> secretCheck;

    public AccessService(CatalogStore store, Clock clock) {
        this(store, clock, SecretHasher::matches);
    }

    /** @param secretCheck whether a secret matches a stored hash (tests count its calls) */
    public AccessService(CatalogStore store, Clock clock, BiPredicate<String, String> secretCheck) {
        this.store = store;
        this.clock = clock;
        this.current = new CredentialCache(clock);
        this.secretCheck = secretCheck;
    }

    // ---- credentials ------------------------------------------------------------------------

    /** A credential and its secret, which exists only here: the store keeps a hash. */
    public record IssuedCredential(Credential credential, String clientSecret) {}

    public IssuedCredential createCredential(String clientId, String clientSecret, Role role, String userEmail, String description) {
        String secret = clientSecret == null ? SecretHasher.newSecret() : clientSecret;
        String id = clientId == null ? "pc_" + SecretHasher.newSecret().substring(0, 20) : clientId;
        Credential credential = new Credential(id, SecretHasher.hash(secret), role, userEmail, description, clock.instant());
        store.write(tx -> {
            if (tx.findCredential(id).isPresent()) {
                throw CatalogException.conflict("identifier_taken", "A credential with client id '" + id + "' already exists");
            }
            tx.insertCredential(credential);
            return null;
        });
        current.forget(id);
        return new IssuedCredential(credential, secret);
    }

    /**
     * The credential when the secret matches; empty for an unknown client id or a wrong secret
     * alike, after the same hashing work in both cases (an unknown id is checked against
     * {@link SecretHasher#DUMMY_HASH}), so that timing does not reveal which ids exist.
     */
    public Optional<Credential> authenticate(String clientId, String clientSecret) {
        Optional<Credential> credential = store.read(tx -> tx.findCredential(clientId));
        boolean matches = secretCheck.test(clientSecret, credential.map(Credential::secretHash).orElse(SecretHasher.DUMMY_HASH));
        return matches ? credential : Optional.empty();
    }

    public Optional<Credential> findCredential(String clientId) {
        return store.read(tx -> tx.findCredential(clientId));
    }

    /**
     * The stored credential as it is now, for checking a token on every request: read from the
     * store at most every few seconds per client id, and at once after this process changed it.
     */
    public Optional<Credential> currentCredential(String clientId) {
        return current.get(clientId, this::findCredential);
    }

    public List<Credential> listCredentials() {
        return store.read(CatalogTransaction::listCredentials);
    }

    public void deleteCredential(String clientId) {
        store.write(tx -> {
            if (tx.findCredential(clientId).isEmpty()) throw CatalogException.notFound("Credential", clientId);
            tx.deleteCredential(clientId);
            return null;
        });
        current.forget(clientId);
    }

    /**
     * Gives a credential a new secret: the old one, and every token issued with it, stop working
     * (the credential's {@link Credential#version() version} changes). 404 when it does not exist.
     */
    public IssuedCredential resetSecret(String clientId) {
        String secret = SecretHasher.newSecret();
        Credential renewed = store.write(tx -> {
            Credential old = tx.findCredential(clientId).orElseThrow(() -> CatalogException.notFound("Credential", clientId));
            Credential credential = new Credential(old.clientId(), SecretHasher.hash(secret), old.role(), old.userEmail(),
                    old.description(), old.createdAt());
            tx.deleteCredential(clientId);
            tx.insertCredential(credential);
            return credential;
        });
        current.forget(clientId);
        return new IssuedCredential(renewed, secret);
    }

    /** True when no credential exists yet (the first start of a server). */
    public boolean hasNoCredentials() {
        return store.read(tx -> tx.listCredentials().isEmpty());
    }

    // ---- teams ------------------------------------------------------------------------------

    public List<Team> listTeams() {
        return store.read(CatalogTransaction::listTeams);
    }

    public Team getTeam(String name) {
        return store.read(tx -> tx.findTeam(name)).orElseThrow(() -> CatalogException.notFound("Team", name));
    }

    /**
     * Creates ({@code mustExist=false}, 409 if it exists) or changes ({@code mustExist=true}, 404 if
     * missing) a team; {@code users} null keeps the current members.
     */
    public Team saveTeam(String name, String description, List<String> users, boolean mustExist) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !TEAM_NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "must be 1 to 100 printable characters"));
        }
        if (users != null) checkEmails("users", users, violations);
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_team", "Team", violations);
        Instant now = clock.instant();
        return store.write(tx -> {
            Optional<Team> existing = tx.findTeam(name);
            if (mustExist && existing.isEmpty()) throw CatalogException.notFound("Team", name);
            if (!mustExist && existing.isPresent()) throw CatalogException.conflict("identifier_taken", "Team '" + name + "' already exists");
            List<String> members = users != null ? List.copyOf(new LinkedHashSet<>(users))
                    : existing.map(Team::users).orElse(List.of());
            for (String email : members) {
                if (tx.findUser(email).isEmpty()) {
                    throw CatalogException.invalid("invalid_team", "Team '" + name + "'",
                            List.of(new Violation("users", "'" + email + "' is not a user; create the user first")));
                }
            }
            Team team = new Team(name, description != null ? description : existing.map(Team::description).orElse(null),
                    members, existing.map(Team::createdAt).orElse(now), now);
            if (existing.isPresent()) tx.saveTeam(team);
            else tx.insertTeam(team); // a concurrent create of the same name fails here and is retried: 409

            syncUserTeams(tx, name, existing.map(Team::users).orElse(List.of()), members, now);
            return team;
        });
    }

    public void deleteTeam(String name) {
        store.write(tx -> {
            Team team = tx.findTeam(name).orElseThrow(() -> CatalogException.notFound("Team", name));
            syncUserTeams(tx, name, team.users(), List.of(), clock.instant());
            tx.deleteTeam(name);
            return null;
        });
    }

    // ---- users ------------------------------------------------------------------------------

    public List<User> listUsers() {
        return store.read(CatalogTransaction::listUsers);
    }

    public User getUser(String email) {
        return store.read(tx -> tx.findUser(email)).orElseThrow(() -> CatalogException.notFound("User", email));
    }

    /**
     * Creates ({@code create=true}: 409 if the e-mail is taken) or changes ({@code create=false}: 404
     * if missing) a user; null fields keep their current values (or defaults for a new user).
     */
    public User saveUser(String email, String firstName, String lastName, Role role, List<String> teams, boolean create) {
        List<Violation> violations = new ArrayList<>();
        checkEmails("email", email == null ? List.of("") : List.of(email), violations);
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_user", "User", violations);
        Instant now = clock.instant();
        return store.write(tx -> {
            Optional<User> existing = tx.findUser(email);
            if (create && existing.isPresent()) throw CatalogException.conflict("identifier_taken", "User '" + email + "' already exists");
            if (!create && existing.isEmpty()) throw CatalogException.notFound("User", email);
            List<String> newTeams = teams != null ? List.copyOf(new LinkedHashSet<>(teams)) : existing.map(User::teams).orElse(List.of());
            for (String team : newTeams) {
                if (tx.findTeam(team).isEmpty()) {
                    throw CatalogException.invalid("invalid_user", "User '" + email + "'",
                            List.of(new Violation("teams", "team '" + team + "' does not exist")));
                }
            }
            User user = new User(email,
                    firstName != null ? firstName : existing.map(User::firstName).orElse(null),
                    lastName != null ? lastName : existing.map(User::lastName).orElse(null),
                    role != null ? role : existing.map(User::role).orElse(Role.MEMBER),
                    existing.map(User::status).orElse("ACTIVE"), newTeams,
                    existing.map(User::createdAt).orElse(now), now);
            if (create) tx.insertUser(user); // a concurrent create fails here and is retried: 409
            else tx.saveUser(user);
            List<String> oldTeams = existing.map(User::teams).orElse(List.of());
            for (String team : oldTeams) if (!newTeams.contains(team)) setMembership(tx, team, email, false, now);
            for (String team : newTeams) if (!oldTeams.contains(team)) setMembership(tx, team, email, true, now);
            return user;
        });
    }

    public void deleteUser(String email) {
        store.write(tx -> {
            User user = tx.findUser(email).orElseThrow(() -> CatalogException.notFound("User", email));
            Instant now = clock.instant();
            user.teams().forEach(team -> setMembership(tx, team, email, false, now));
            tx.deleteUser(email);
            return null;
        });
    }

    private static void syncUserTeams(CatalogTransaction tx, String team, List<String> before, List<String> after, Instant now) {
        for (String email : before) {
            if (!after.contains(email)) tx.findUser(email).ifPresent(u -> tx.saveUser(withTeams(u, remove(u.teams(), team), now)));
        }
        for (String email : after) {
            if (!before.contains(email)) tx.findUser(email).ifPresent(u -> tx.saveUser(withTeams(u, add(u.teams(), team), now)));
        }
    }

    private static void setMembership(CatalogTransaction tx, String teamName, String email, boolean member, Instant now) {
        tx.findTeam(teamName).ifPresent(team -> tx.saveTeam(new Team(team.name(), team.description(),
                member ? add(team.users(), email) : remove(team.users(), email), team.createdAt(), now)));
    }

    private static User withTeams(User u, List<String> teams, Instant now) {
        return new User(u.email(), u.firstName(), u.lastName(), u.role(), u.status(), teams, u.createdAt(), now);
    }

    private static List<String> add(List<String> list, String value) {
        LinkedHashSet<String> set = new LinkedHashSet<>(list);
        set.add(value);
        return List.copyOf(set);
    }

    private static List<String> remove(List<String> list, String value) {
        return list.stream().filter(v -> !v.equals(value)).toList();
    }

    private static void checkEmails(String path, List<String> emails, List<Violation> violations) {
        for (String email : emails) {
            if (email == null || !EMAIL.matcher(email).matches()) {
                violations.add(new Violation(path, "'" + email + "' is not an e-mail address"));
            }
        }
    }
}
