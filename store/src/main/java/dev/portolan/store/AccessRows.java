package dev.portolan.store;

import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.access.Team;
import dev.portolan.catalog.access.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code credentials}, {@code teams} and {@code users} tables. */
final class AccessRows {

    private static final String CREDENTIAL = "client_id, secret_hash, role, user_email, description, created_at";
    private static final String TEAM = "name, description, users, created_at, updated_at";
    private static final String USER = "email, first_name, last_name, role, status, teams, created_at, updated_at";

    private final Connection connection;

    AccessRows(Connection connection) {
        this.connection = connection;
    }

    Optional<Credential> findCredential(String clientId) {
        return Sql.queryOne(connection, "SELECT " + CREDENTIAL + " FROM credentials WHERE client_id = ?",
                List.of(clientId), AccessRows::credential);
    }

    List<Credential> listCredentials() {
        return Sql.query(connection, "SELECT " + CREDENTIAL + " FROM credentials ORDER BY client_id", List.of(),
                AccessRows::credential);
    }

    void insertCredential(Credential c) {
        Sql.update(connection, "INSERT INTO credentials (" + CREDENTIAL + ") VALUES (?, ?, ?, ?, ?, ?)", Arrays.asList(
                c.clientId(), c.secretHash(), c.role().name(), c.userEmail(), c.description(),
                Timestamps.format(c.createdAt())));
    }

    void deleteCredential(String clientId) {
        Sql.update(connection, "DELETE FROM credentials WHERE client_id = ?", List.of(clientId));
    }

    Optional<Team> findTeam(String name) {
        return Sql.queryOne(connection, "SELECT " + TEAM + " FROM teams WHERE name = ?", List.of(name), AccessRows::team);
    }

    List<Team> listTeams() {
        return Sql.query(connection, "SELECT " + TEAM + " FROM teams ORDER BY name", List.of(), AccessRows::team);
    }

    void saveTeam(Team t) {
        Sql.update(connection, "INSERT INTO teams (" + TEAM + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                        + "description = excluded.description, users = excluded.users, "
                        + "created_at = COALESCE(excluded.created_at, teams.created_at), updated_at = excluded.updated_at",
                Arrays.asList(t.name(), t.description(), Json.writeStrings(t.users()),
                        Timestamps.format(t.createdAt()), Timestamps.format(t.updatedAt())));
    }

    /** A plain insert: a concurrent insert of the same name is a unique violation, which the store retries. */
    void insertTeam(Team t) {
        Sql.update(connection, "INSERT INTO teams (" + TEAM + ") VALUES (?, ?, ?, ?, ?)",
                Arrays.asList(t.name(), t.description(), Json.writeStrings(t.users()),
                        Timestamps.format(t.createdAt()), Timestamps.format(t.updatedAt())));
    }

    void deleteTeam(String name) {
        Sql.update(connection, "DELETE FROM teams WHERE name = ?", List.of(name));
    }

    Optional<User> findUser(String email) {
        return Sql.queryOne(connection, "SELECT " + USER + " FROM users WHERE email = ?", List.of(email), AccessRows::user);
    }

    List<User> listUsers() {
        return Sql.query(connection, "SELECT " + USER + " FROM users ORDER BY email", List.of(), AccessRows::user);
    }

    void saveUser(User u) {
        Sql.update(connection, "INSERT INTO users (" + USER + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET "
                        + "first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role, "
                        + "status = excluded.status, teams = excluded.teams, "
                        + "created_at = COALESCE(excluded.created_at, users.created_at), updated_at = excluded.updated_at",
                Arrays.asList(u.email(), u.firstName(), u.lastName(), u.role() == null ? null : u.role().name(), u.status(),
                        Json.writeStrings(u.teams()), Timestamps.format(u.createdAt()), Timestamps.format(u.updatedAt())));
    }

    /** A plain insert, like {@link #insertTeam}. */
    void insertUser(User u) {
        Sql.update(connection, "INSERT INTO users (" + USER + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(u.email(), u.firstName(), u.lastName(), u.role() == null ? null : u.role().name(), u.status(),
                        Json.writeStrings(u.teams()), Timestamps.format(u.createdAt()), Timestamps.format(u.updatedAt())));
    }

    void deleteUser(String email) {
        Sql.update(connection, "DELETE FROM users WHERE email = ?", List.of(email));
    }

    private static Credential credential(ResultSet row) throws SQLException {
        return new Credential(row.getString("client_id"), row.getString("secret_hash"), Role.valueOf(row.getString("role")),
                row.getString("user_email"), row.getString("description"), Timestamps.parse(row.getString("created_at")));
    }

    private static Team team(ResultSet row) throws SQLException {
        return new Team(row.getString("name"), row.getString("description"), Json.readStrings(row.getString("users")),
                Timestamps.parse(row.getString("created_at")), Timestamps.parse(row.getString("updated_at")));
    }

    private static User user(ResultSet row) throws SQLException {
        String role = row.getString("role");
        return new User(row.getString("email"), row.getString("first_name"), row.getString("last_name"),
                role == null ? null : Role.valueOf(role), row.getString("status"), Json.readStrings(row.getString("teams")),
                Timestamps.parse(row.getString("created_at")), Timestamps.parse(row.getString("updated_at")));
    }
}
