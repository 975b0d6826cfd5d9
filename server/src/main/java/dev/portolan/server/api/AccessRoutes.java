package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Role;
import dev.portolan.catalog.access.Team;
import dev.portolan.catalog.access.User;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Teams ({@code /v1/teams}), users ({@code /v1/users}) and API credentials
 * ({@code /v1/credentials}, ours: Port manages credentials in its UI). Reads for everyone, writes
 * for admins.
 */
public final class AccessRoutes {

    private final AccessService access;
    private final Requests requests;

    public AccessRoutes(AccessService access, Requests requests) {
        this.access = access;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/teams", ctx -> Responses.send(ctx, Responses.ok("teams", teams(access.listTeams()))));
        routes.post("/v1/teams", ctx -> saveTeam(ctx, null, false, 201));
        routes.get("/v1/teams/{name}", ctx -> Responses.send(ctx, Responses.ok("team", team(access.getTeam(ctx.pathParam("name"))))));
        routes.put("/v1/teams/{name}", ctx -> saveTeam(ctx, ctx.pathParam("name"), true, 200));
        routes.patch("/v1/teams/{name}", ctx -> saveTeam(ctx, ctx.pathParam("name"), true, 200));
        routes.delete("/v1/teams/{name}", ctx -> {
            Authenticator.admin(ctx);
            access.deleteTeam(ctx.pathParam("name"));
            Responses.send(ctx, Responses.ok());
        });

        routes.get("/v1/users", ctx -> {
            ArrayNode users = Json.array();
            access.listUsers().forEach(u -> users.add(user(u)));
            Responses.send(ctx, Responses.ok("users", users));
        });
        routes.post("/v1/users", ctx -> saveUser(ctx, null, 201));
        routes.get("/v1/users/{email}", ctx -> Responses.send(ctx, Responses.ok("user", user(access.getUser(ctx.pathParam("email"))))));
        routes.patch("/v1/users/{email}", ctx -> saveUser(ctx, ctx.pathParam("email"), 200));
        routes.delete("/v1/users/{email}", ctx -> {
            Authenticator.admin(ctx);
            access.deleteUser(ctx.pathParam("email"));
            Responses.send(ctx, Responses.ok());
        });

        routes.get("/v1/credentials", ctx -> {
            Authenticator.admin(ctx);
            ArrayNode credentials = Json.array();
            access.listCredentials().forEach(c -> credentials.add(credential(c)));
            Responses.send(ctx, Responses.ok("credentials", credentials));
        });
        routes.post("/v1/credentials", this::createCredential);
        routes.delete("/v1/credentials/{clientId}", ctx -> {
            Authenticator.admin(ctx);
            access.deleteCredential(ctx.pathParam("clientId"));
            Responses.send(ctx, Responses.ok());
        });
    }

    private void saveTeam(Context ctx, String name, boolean mustExist, int status) {
        Authenticator.admin(ctx);
        JsonNode body = requests.json(ctx);
        String teamName = name != null ? name : text(body, "name");
        if (name != null && body.hasNonNull("name") && !body.get("name").asText().equals(name)) {
            throw ApiException.badRequest("Renaming a team is not supported; the body's name must be '" + name + "'");
        }
        Team team = access.saveTeam(teamName, text(body, "description"), strings(body, "users"), mustExist);
        Responses.send(ctx, status, Responses.ok("team", team(team)));
    }

    private void saveUser(Context ctx, String email, int status) {
        Authenticator.admin(ctx);
        JsonNode body = requests.json(ctx);
        String userEmail = email != null ? email : text(body, "email");
        Role role = role(body);
        User user = access.saveUser(userEmail, text(body, "firstName"), text(body, "lastName"), role, strings(body, "teams"),
                email == null);
        Responses.send(ctx, status, Responses.ok("user", user(user)));
    }

    private void createCredential(Context ctx) {
        Authenticator.admin(ctx);
        JsonNode body = requests.json(ctx);
        Role role = role(body);
        var issued = access.createCredential(text(body, "clientId"), null, role == null ? Role.MEMBER : role,
                text(body, "userEmail"), text(body, "description"));
        ObjectNode json = credential(issued.credential());
        json.put("clientSecret", issued.clientSecret());
        Responses.send(ctx, 201, Responses.ok("credential", json));
    }

    private static Role role(JsonNode body) {
        String role = text(body, "role");
        JsonNode roles = body.get("roles"); // Port's users API: {"roles": ["Admin"]}
        if (role == null && roles != null && roles.isArray() && !roles.isEmpty()) role = roles.get(0).asText();
        if (role == null) return null;
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "admin" -> Role.ADMIN;
            case "member" -> Role.MEMBER;
            default -> throw ApiException.badRequest("Role must be 'admin' or 'member', got '" + role + "'");
        };
    }

    private static ArrayNode teams(List<Team> teams) {
        ArrayNode array = Json.array();
        teams.forEach(t -> array.add(team(t)));
        return array;
    }

    private static ObjectNode team(Team team) {
        ObjectNode json = Json.object();
        json.put("id", team.name());
        json.put("name", team.name());
        json.put("description", team.description());
        json.put("provider", "Port");
        json.put("createdAt", team.createdAt().toString());
        json.put("updatedAt", team.updatedAt().toString());
        ArrayNode users = json.putArray("users");
        team.users().forEach(email -> users.addObject().put("email", email));
        return json;
    }

    private static ObjectNode user(User user) {
        ObjectNode json = Json.object();
        json.put("email", user.email());
        json.put("firstName", user.firstName());
        json.put("lastName", user.lastName());
        json.put("status", user.status());
        json.put("createdAt", user.createdAt().toString());
        json.put("updatedAt", user.updatedAt().toString());
        ArrayNode teams = json.putArray("teams");
        user.teams().forEach(teams::add);
        json.putArray("roles").addObject().put("name", user.role() == Role.ADMIN ? "Admin" : "Member");
        return json;
    }

    private static ObjectNode credential(Credential c) {
        ObjectNode json = Json.object();
        json.put("clientId", c.clientId());
        json.put("role", c.role().name().toLowerCase(Locale.ROOT));
        json.put("userEmail", c.userEmail());
        json.put("description", c.description());
        json.put("createdAt", c.createdAt().toString());
        return json;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string");
        return value.asText();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw ApiException.badRequest("'" + field + "' must be an array of strings");
        List<String> list = new ArrayList<>();
        value.forEach(v -> list.add(v.asText()));
        return list;
    }
}
