package dev.portolan.integrations.github.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portolan.catalog.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake GitHub REST API on 127.0.0.1 for the tests and the benchmark, serving objects in the
 * shapes GitHub documents (trimmed to the fields that matter), with GitHub's behaviour around them:
 * pages ({@code per_page}, {@code page}, a {@code Link} header), ETags and {@code 304 Not Modified}
 * (free of rate limit), the primary rate limit ({@code x-ratelimit-*}, 403 once spent, reset at
 * {@code x-ratelimit-reset} on the injected clock), injected faults (a 5xx, a secondary limit with
 * {@code retry-after}, a 404), permissions a token lacks (403 with {@code x-accepted-github-permissions}),
 * and GitHub App authentication (an RS256 JWT checked against the app's public key, installation
 * tokens that expire). Records every request.
 *
 * <p>Test support, shipped in the main jar (not a test-jar) so that {@code bench/} can use it in a
 * plain {@code compile}; nothing in the integration uses it.
 */
public final class FakeGithub implements AutoCloseable {

    public static final String ORG = "acme";
    public static final String TOKEN = "ghp_fake_token";

    /** One request as the fake saw it. */
    public record Request(String method, String pathAndQuery, String authorization, String ifNoneMatch, int status) {}

    private record Fault(Predicate<String> matches, int status, Map<String, String> headers, String body, AtomicInteger times) {}

    private final HttpServer server;
    private final Clock clock;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, String> denied = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    // The organization's data. Repository-scoped lists are per repository name.
    private final ObjectNode organization;
    private final Map<String, ObjectNode> repositories = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, List<ObjectNode>>> lists = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();
    private final List<ObjectNode> members = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> teams = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> teamMembers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> protections = new ConcurrentHashMap<>();
    private final List<ObjectNode> hooks = new CopyOnWriteArrayList<>();
    /** A generated list per repository and list name (the benchmark's 100,000 pull requests are never all in memory). */
    private volatile java.util.function.BiFunction<String, String, List<ObjectNode>> generated;

    private volatile long rateLimit = 5000;
    private volatile long remaining = 5000;
    private volatile Instant reset;
    private volatile boolean hooksAllowed = true;

    // GitHub App
    private volatile PublicKey appKey;
    private volatile String appId;
    private volatile Duration installationTokenTtl = Duration.ofHours(1);
    private final AtomicInteger installationTokens = new AtomicInteger();

    public FakeGithub(Clock clock) {
        this.clock = clock;
        this.reset = clock.instant().plus(Duration.ofHours(1));
        this.tokens.put(TOKEN, Instant.MAX);
        this.organization = GithubObjects.organization(ORG);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- data ---------------------------------------------------------------------------------

    public ObjectNode addRepository(String name) {
        ObjectNode repo = GithubObjects.repository(url(), ORG, name, repositories.size() + 1);
        repositories.put(name, repo);
        return repo;
    }

    public void removeRepository(String name) {
        repositories.remove(name);
        lists.remove(name);
    }

    public ObjectNode repository(String name) {
        return repositories.get(name);
    }

    /** Adds an object to a repository's list ({@code pulls}, {@code issues}, {@code releases}, ...). */
    public ObjectNode add(String repo, String list, ObjectNode object) {
        lists.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).computeIfAbsent(list, l -> new CopyOnWriteArrayList<>()).add(object);
        return object;
    }

    public List<ObjectNode> list(String repo, String list) {
        var generator = generated;
        if (generator != null) {
            List<ObjectNode> made = generator.apply(repo, list);
            if (made != null) return made;
        }
        return lists.getOrDefault(repo, Map.of()).getOrDefault(list, List.of());
    }

    /** Lists made on demand (the benchmark): {@code (repository, list) -> objects}, null for "use the stored ones". */
    public void generate(java.util.function.BiFunction<String, String, List<ObjectNode>> generator) {
        this.generated = generator;
    }

    public void addFile(String repo, String path, String content) {
        files.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).put(path, content);
    }

    public void addMember(String login) {
        members.add(GithubObjects.user(url(), login, members.size() + 100));
    }

    public ObjectNode addTeam(String slug, String... memberLogins) {
        ObjectNode team = GithubObjects.team(url(), ORG, slug, teams.size() + 500);
        teams.add(team);
        List<ObjectNode> people = new CopyOnWriteArrayList<>();
        for (String login : memberLogins) people.add(GithubObjects.user(url(), login, login.hashCode() & 0xffff));
        teamMembers.put(slug, people);
        return team;
    }

    public void protect(String repo, String branch, ObjectNode protection) {
        protections.put(repo + "/" + branch, protection);
    }

    public List<ObjectNode> hooks() {
        return hooks;
    }

    public void refuseHooks() {
        hooksAllowed = false;
    }

    // ---- behaviour ----------------------------------------------------------------------------

    /** The next {@code times} requests whose path (with query) matches answer {@code status} with these headers and body. */
    public void fail(Predicate<String> path, int status, Map<String, String> headers, String body, int times) {
        faults.add(new Fault(path, status, headers, body, new AtomicInteger(times)));
    }

    /** Requests whose path contains {@code pathPart} answer 403, GitHub naming the permission they need. */
    public void deny(String pathPart, String permission) {
        denied.put(pathPart, permission);
    }

    /** Sets how many requests are left before the primary rate limit is spent, and when it resets. */
    public void rateLimit(long remaining, Instant reset) {
        this.remaining = remaining;
        this.reset = reset;
    }

    public long rateLimitRemaining() {
        return remaining;
    }

    /** Acts as GitHub for the app {@code id} whose key pair's public half is {@code key}. */
    public void app(String id, PublicKey key, Duration tokenTtl) {
        this.appId = id;
        this.appKey = key;
        this.installationTokenTtl = tokenTtl;
    }

    public int installationTokensIssued() {
        return installationTokens.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- serving ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        // Recorded just before the answer is sent (see send), so a test that has its answer sees the request.
        exchange.setAttribute(Request.class.getName(), new Request(method, pathAndQuery, authorization, ifNoneMatch, 0));
        try {
            serve(exchange, method, pathAndQuery, authorization, ifNoneMatch, requestBody);
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of(), "{\"message\":\"fake failed: " + e + "\"}");
        }
    }

    private int serve(HttpExchange exchange, String method, String pathAndQuery, String authorization, String ifNoneMatch,
                      byte[] requestBody) throws IOException {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Map<String, String> query = query(pathAndQuery);
        for (Fault fault : faults) {
            if (fault.matches().test(pathAndQuery) && fault.times().getAndDecrement() > 0) {
                return send(exchange, fault.status(), fault.headers(), fault.body());
            }
        }
        if (path.equals("/orgs/" + ORG + "/installation") || path.startsWith("/app/")) {
            return appEndpoint(exchange, method, path, authorization);
        }
        if (!authenticated(authorization)) return send(exchange, 401, Map.of(), "{\"message\":\"Bad credentials\"}");
        Instant now = clock.instant();
        if (!now.isBefore(reset)) {
            remaining = rateLimit;
            reset = now.plus(Duration.ofHours(1));
        }
        if (remaining <= 0) {
            return send(exchange, 403, rateHeaders(), "{\"message\":\"API rate limit exceeded for user. (But here's the good news: "
                    + "Authenticated requests get a higher rate limit.)\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}");
        }
        for (var denial : denied.entrySet()) {
            if (path.contains(denial.getKey())) {
                remaining--;
                Map<String, String> headers = new LinkedHashMap<>(rateHeaders());
                headers.put("x-accepted-github-permissions", denial.getValue());
                return send(exchange, 403, headers, "{\"message\":\"Resource not accessible by personal access token\","
                        + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"403\"}");
            }
        }
        if (method.equals("POST")) return post(exchange, path, requestBody);
        JsonNode body = route(path, query);
        if (body == null) {
            remaining--;
            return send(exchange, 404, rateHeaders(), "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String text;
        if (body instanceof ArrayNode || body.has("__paged")) {
            Paged paged = page(body, query, path);
            text = paged.text();
            if (paged.link() != null) headers.put("Link", paged.link());
        } else {
            text = body.toString();
        }
        String etag = "W/\"" + sha1(text) + "\"";
        headers.put("ETag", etag);
        if (etag.equals(ifNoneMatch)) {
            headers.putAll(rateHeaders());
            return send(exchange, 304, headers, null);
        }
        remaining--;
        headers.putAll(rateHeaders());
        return send(exchange, 200, headers, text);
    }

    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return false;
        Instant expires = tokens.get(authorization.substring(7));
        return expires != null && clock.instant().isBefore(expires);
    }

    private int appEndpoint(HttpExchange exchange, String method, String path, String authorization) throws IOException {
        if (appKey == null || authorization == null || !validJwt(authorization.replaceFirst("^Bearer ", ""))) {
            return send(exchange, 401, Map.of(), "{\"message\":\"A JSON web token could not be decoded\"}");
        }
        if (method.equals("GET") && path.equals("/orgs/" + ORG + "/installation")) {
            return send(exchange, 200, Map.of(), "{\"id\":4242,\"account\":{\"login\":\"" + ORG + "\"},\"app_id\":" + appId + "}");
        }
        if (method.equals("POST") && path.equals("/app/installations/4242/access_tokens")) {
            String token = "ghs_installation_" + installationTokens.incrementAndGet();
            Instant expires = clock.instant().plus(installationTokenTtl);
            tokens.put(token, expires);
            return send(exchange, 201, Map.of(), "{\"token\":\"" + token + "\",\"expires_at\":\"" + expires + "\"}");
        }
        return send(exchange, 404, Map.of(), "{\"message\":\"Not Found\"}");
    }

    private boolean validJwt(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) return false;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(appKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) return false;
            JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            long now = clock.instant().getEpochSecond();
            return claims.path("iss").asText().equals(appId) && claims.path("exp").asLong() > now && claims.path("iat").asLong() <= now
                    && claims.path("exp").asLong() - claims.path("iat").asLong() <= 600;
        } catch (Exception e) {
            return false;
        }
    }

    private int post(HttpExchange exchange, String path, byte[] body) throws IOException {
        if (path.equals("/orgs/" + ORG + "/hooks")) {
            remaining--;
            if (!hooksAllowed) {
                Map<String, String> headers = new LinkedHashMap<>(rateHeaders());
                headers.put("x-accepted-github-permissions", "organization_hooks=write");
                return send(exchange, 403, headers, "{\"message\":\"Resource not accessible by personal access token\"}");
            }
            ObjectNode hook = (ObjectNode) Json.parse(new String(body, StandardCharsets.UTF_8));
            hook.put("id", 9000 + hooks.size());
            hooks.add(hook);
            return send(exchange, 201, rateHeaders(), hook.toString());
        }
        return send(exchange, 404, rateHeaders(), "{\"message\":\"Not Found\"}");
    }

    private static final Pattern REPO = Pattern.compile("/repos/" + ORG + "/([^/]+)(/.*)?");

    /** The answer for a GET, or null for 404. Lists are arrays, or objects with {@code __paged} naming their array. */
    private JsonNode route(String path, Map<String, String> query) {
        if (path.equals("/orgs/" + ORG)) return organization;
        if (path.equals("/user/orgs")) return Json.array().add(GithubObjects.organizationSummary(ORG));
        if (path.equals("/orgs/" + ORG + "/repos")) return array(new ArrayList<>(repositories.values()));
        if (path.equals("/orgs/" + ORG + "/members")) return array(members);
        if (path.equals("/orgs/" + ORG + "/teams")) return array(teams);
        if (path.equals("/orgs/" + ORG + "/hooks")) return array(hooks);
        Matcher team = Pattern.compile("/orgs/" + ORG + "/teams/([^/]+)(/members)?").matcher(path);
        if (team.matches()) {
            if (team.group(2) != null) return teamMembers.containsKey(team.group(1)) ? array(teamMembers.get(team.group(1))) : null;
            return teams.stream().filter(t -> t.path("slug").asText().equals(team.group(1))).findFirst().orElse(null);
        }
        Matcher repo = REPO.matcher(path);
        if (!repo.matches()) return null;
        String name = repo.group(1);
        ObjectNode repository = repositories.get(name);
        if (repository == null) return null;
        String rest = repo.group(2) == null ? "" : repo.group(2);
        return switch (rest) {
            case "" -> repository;
            case "/pulls" -> array(sortedAndFiltered(list(name, "pulls"), query));
            case "/issues" -> array(filterState(list(name, "issues"), query.getOrDefault("state", "open")));
            case "/releases" -> array(list(name, "releases"));
            case "/tags" -> array(list(name, "tags"));
            case "/branches" -> array(list(name, "branches"));
            case "/deployments" -> array(list(name, "deployments"));
            case "/collaborators" -> array(list(name, "collaborators"));
            case "/dependabot/alerts" -> array(filterStates(list(name, "dependabot"), query.getOrDefault("state", "open,fixed,dismissed,auto_dismissed")));
            case "/code-scanning/alerts" -> array(filterStates(list(name, "code-scanning"), query.getOrDefault("state", "open,closed,dismissed,fixed")));
            case "/actions/workflows" -> wrapped("workflows", list(name, "workflows"));
            case "/actions/runs" -> wrapped("workflow_runs", list(name, "runs"));
            case "/environments" -> wrapped("environments", list(name, "environments"));
            default -> repositoryDetail(name, repository, rest);
        };
    }

    private JsonNode repositoryDetail(String name, ObjectNode repository, String rest) {
        Matcher branch = Pattern.compile("/branches/([^/]+)(/protection)?").matcher(rest);
        if (branch.matches()) {
            String branchName = URLDecoder.decode(branch.group(1), StandardCharsets.UTF_8);
            if (branch.group(2) != null) return protections.get(name + "/" + branchName);
            return list(name, "branches").stream().filter(b -> b.path("name").asText().equals(branchName)).findFirst().orElse(null);
        }
        Matcher run = Pattern.compile("/actions/runs/(\\d+)").matcher(rest);
        if (run.matches()) return list(name, "runs").stream().filter(r -> r.path("id").asText().equals(run.group(1))).findFirst().orElse(null);
        Matcher tree = Pattern.compile("/git/trees/([^/]+)").matcher(rest);
        if (tree.matches()) return tree(name, URLDecoder.decode(tree.group(1), StandardCharsets.UTF_8));
        if (rest.startsWith("/contents/")) {
            String filePath = URLDecoder.decode(rest.substring("/contents/".length()), StandardCharsets.UTF_8);
            String content = files.getOrDefault(name, Map.of()).get(filePath);
            if (content == null) return null;
            return GithubObjects.content(url(), repository, filePath, content);
        }
        return null;
    }

    private JsonNode tree(String repo, String ref) {
        ObjectNode repository = repositories.get(repo);
        if (!ref.equals(repository.path("default_branch").asText())
                && list(repo, "branches").stream().noneMatch(b -> b.path("name").asText().equals(ref))) return null;
        ObjectNode tree = Json.object().put("sha", sha1(repo + ref)).put("url", url() + "/repos/" + ORG + "/" + repo + "/git/trees/" + ref)
                .put("truncated", false);
        ArrayNode entries = tree.putArray("tree");
        java.util.TreeSet<String> folders = new java.util.TreeSet<>();
        for (String path : files.getOrDefault(repo, Map.of()).keySet()) {
            String[] parts = path.split("/");
            for (int i = 1; i < parts.length; i++) folders.add(String.join("/", java.util.Arrays.copyOf(parts, i)));
        }
        for (String folder : folders) {
            entries.add(Json.object().put("path", folder).put("mode", "040000").put("type", "tree").put("sha", sha1(folder))
                    .put("url", url() + "/repos/" + ORG + "/" + repo + "/git/trees/" + sha1(folder)));
        }
        files.getOrDefault(repo, Map.of()).forEach((path, content) -> entries.add(Json.object().put("path", path).put("mode", "100644")
                .put("type", "blob").put("sha", sha1(content)).put("size", content.length())
                .put("url", url() + "/repos/" + ORG + "/" + repo + "/git/blobs/" + sha1(content))));
        return tree;
    }

    private static List<ObjectNode> sortedAndFiltered(List<ObjectNode> pulls, Map<String, String> query) {
        List<ObjectNode> kept = new ArrayList<>(filterState(pulls, query.getOrDefault("state", "open")));
        if ("updated".equals(query.get("sort"))) {
            Comparator<ObjectNode> byUpdated = Comparator.comparing(p -> p.path("updated_at").asText());
            kept.sort("asc".equals(query.get("direction")) ? byUpdated : byUpdated.reversed());
        }
        return kept;
    }

    private static List<ObjectNode> filterState(List<ObjectNode> objects, String state) {
        if (state.equals("all")) return objects;
        return objects.stream().filter(o -> o.path("state").asText().equals(state)).toList();
    }

    private static List<ObjectNode> filterStates(List<ObjectNode> objects, String states) {
        List<String> wanted = List.of(states.split(","));
        return objects.stream().filter(o -> wanted.contains(o.path("state").asText())).toList();
    }

    private static ArrayNode array(List<ObjectNode> objects) {
        ArrayNode array = Json.array();
        objects.forEach(array::add);
        return array;
    }

    /** GitHub's object-wrapped lists: {@code {total_count, <key>: [...]}}, paged like arrays. */
    private static ObjectNode wrapped(String key, List<ObjectNode> objects) {
        ObjectNode body = Json.object();
        body.put("__paged", key);
        body.set(key, array(objects));
        return body;
    }

    private record Paged(String text, String link) {}

    private Paged page(JsonNode body, Map<String, String> query, String path) {
        int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        String key = body.has("__paged") ? body.get("__paged").asText() : null;
        JsonNode all = key == null ? body : body.get(key);
        int total = all.size();
        ArrayNode slice = Json.array();
        for (int i = (page - 1) * perPage; i < Math.min(total, page * perPage); i++) slice.add(all.get(i));
        int last = Math.max(1, (total + perPage - 1) / perPage);
        String link = null;
        if (page < last) {
            link = "<" + pageUrl(path, query, page + 1) + ">; rel=\"next\", <" + pageUrl(path, query, last) + ">; rel=\"last\"";
        }
        if (key == null) return new Paged(slice.toString(), link);
        ObjectNode wrapped = Json.object();
        wrapped.put("total_count", total);
        wrapped.set(key, slice);
        return new Paged(wrapped.toString(), link);
    }

    private String pageUrl(String path, Map<String, String> query, int page) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("page", String.valueOf(page));
        List<String> pairs = new ArrayList<>();
        next.forEach((k, v) -> pairs.add(k + "=" + v));
        return url() + path + "?" + String.join("&", pairs);
    }

    private Map<String, String> rateHeaders() {
        return Map.of("x-ratelimit-limit", String.valueOf(rateLimit), "x-ratelimit-remaining", String.valueOf(Math.max(0, remaining)),
                "x-ratelimit-reset", String.valueOf(reset.getEpochSecond()), "x-ratelimit-resource", "core");
    }

    private static Map<String, String> query(String pathAndQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0) return query;
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private int send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        Request request = (Request) exchange.getAttribute(Request.class.getName());
        requests.add(new Request(request.method(), request.pathAndQuery(), request.authorization(), request.ifNoneMatch(), status));
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 304 || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (bytes.length > 0 && status != 304) out.write(bytes);
        }
        return status;
    }

    public static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For {@link Function}-style filters in tests. */
    public static Predicate<String> pathContains(String part) {
        return path -> path.contains(part);
    }
}
