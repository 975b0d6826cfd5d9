package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/blueprints/{blueprint}/entities...}: single-entity writes and reads, and the rules every write follows. */
class EntityApiTest {

    private static final String SERVICE_SCHEMA = """
            {schema: {properties: {language: {type: 'string'}, port: {type: 'number'}, tags: {type: 'array'}}}}""";

    @ApiTest
    void createsAnEntityWith201AndReadsItBack(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", """
                {schema: {properties: {language: {type: 'string'}, port: {type: 'number'}}},
                 relations: {domain: {target: '%s'}}}""".formatted(domain));
        Fixtures.entity(server, domain, "{identifier: 'payments'}");

        JsonNode created = server.admin().post(entitiesPath(service), """
                {identifier: 'billing', title: 'Billing', icon: 'Service', team: ['platform'],
                 properties: {language: 'java', port: 8080}, relations: {domain: 'payments'}}""").expect(201).get("entity");

        assertThat(created.path("identifier").asText()).isEqualTo("billing");
        assertThat(created.path("blueprint").asText()).isEqualTo(service);
        assertThat(created.path("title").asText()).isEqualTo("Billing");
        assertThat(created.path("team").get(0).asText()).isEqualTo("platform");
        assertThat(created.path("properties").path("language").asText()).isEqualTo("java");
        assertThat(created.path("properties").path("port").asInt()).isEqualTo(8080);
        assertThat(created.path("relations").path("domain").asText()).isEqualTo("payments");
        assertThat(created.path("createdBy").asText()).isEqualTo(ApiServer.ADMIN_CLIENT_ID);
        assertThat(created.path("updatedBy").asText()).isEqualTo(ApiServer.ADMIN_CLIENT_ID);
        assertThat(created.path("createdAt").asText()).isNotBlank();
        assertThat(Fixtures.get(server, service, "billing")).isEqualTo(created);
    }

    @ApiTest
    void generatesAnIdentifierWhenNoneIsGiven(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "anonymous");
        JsonNode created = Fixtures.entity(server, blueprint, "{title: 'No name'}");
        assertThat(created.path("identifier").asText()).isNotBlank();
        Fixtures.get(server, blueprint, created.path("identifier").asText());
    }

    @ApiTest
    void refusesAnExistingIdentifierWith409UnlessUpserting(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "dup", SERVICE_SCHEMA);
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {language: 'java'}}");

        server.admin().post(entitiesPath(blueprint), "{identifier: 'a', properties: {language: 'go'}}").expectError(409, "identifier_taken");
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("language").asText()).isEqualTo("java");

        server.admin().post(entitiesPath(blueprint) + "?upsert=true", "{identifier: 'a', properties: {language: 'go'}}").expect(200);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("language").asText()).isEqualTo("go");
    }

    @ApiTest
    void upsertWithoutMergeReplacesTheWholeEntity(ApiServer server) {
        String target = Fixtures.blueprint(server, "target");
        String blueprint = Fixtures.blueprint(server, "replace", """
                {schema: {properties: {language: {type: 'string'}, port: {type: 'number'}}}, relations: {t: {target: '%s'}}}"""
                .formatted(target));
        Fixtures.entity(server, target, "{identifier: 't1'}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', title: 'A', properties: {language: 'java', port: 1}, relations: {t: 't1'}}");

        JsonNode replaced = server.admin().post(entitiesPath(blueprint) + "?upsert=true&merge=false",
                "{identifier: 'a', properties: {port: 2}}").expect(200).get("entity");

        assertThat(replaced.path("properties").has("language")).isFalse();
        assertThat(replaced.path("properties").path("port").asInt()).isEqualTo(2);
        assertThat(replaced.path("relations").path("t").isNull() || replaced.path("relations").path("t").isMissingNode()).isTrue();
        assertThat(Fixtures.get(server, blueprint, "a")).isEqualTo(replaced);
    }

    @ApiTest
    void upsertWithMergePatchesOnlyTheGivenPropertiesAndRelations(ApiServer server) {
        String target = Fixtures.blueprint(server, "target");
        String blueprint = Fixtures.blueprint(server, "merge", """
                {schema: {properties: {language: {type: 'string'}, port: {type: 'number'}}},
                 relations: {t: {target: '%s'}, u: {target: '%s', many: true}}}""".formatted(target, target));
        Fixtures.entities(server, target, "{identifier: 't1'}", "{identifier: 't2'}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', title: 'A', properties: {language: 'java', port: 1}, relations: {t: 't1'}}");

        JsonNode merged = server.admin().post(entitiesPath(blueprint) + "?upsert=true&merge=true",
                "{identifier: 'a', properties: {port: 2}, relations: {u: ['t1', 't2']}}").expect(200).get("entity");

        assertThat(merged.path("title").asText()).isEqualTo("A");
        assertThat(merged.path("properties").path("language").asText()).isEqualTo("java");
        assertThat(merged.path("properties").path("port").asInt()).isEqualTo(2);
        assertThat(merged.path("relations").path("t").asText()).isEqualTo("t1");
        assertThat(merged.path("relations").path("u")).hasSize(2);
        assertThat(Fixtures.get(server, blueprint, "a")).isEqualTo(merged);
    }

    @ApiTest
    void reUpsertingIdenticalContentReportsUnchangedAndWritesNothing(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "stable", SERVICE_SCHEMA);
        String body = "{identifier: 'a', title: 'A', team: ['x'], properties: {language: 'java', port: 1, tags: ['p', 'q']}}";
        JsonNode created = Fixtures.entity(server, blueprint, body);
        int auditRows = Fixtures.audits(server, blueprint).size();

        for (String query : List.of("?upsert=true", "?upsert=true&merge=true", "?upsert=true&merge=false")) {
            JsonNode again = server.admin().post(entitiesPath(blueprint) + query, body).expect(200).get("entity");
            assertThat(again.path("updatedAt")).as(query).isEqualTo(created.path("updatedAt"));
        }
        server.admin().put(entityPath(blueprint, "a"), body).expect(200);
        server.admin().patch(entityPath(blueprint, "a"), "{properties: {port: 1}}").expect(200);
        JsonNode bulk = server.admin().post(entitiesPath(blueprint) + "/bulk?upsert=true", "{entities: [%s]}".formatted(body))
                .expect(200).get("entities");

        assertThat(bulk.get(0).path("created").asBoolean()).isFalse();
        assertThat(bulk.get(0).path("status").asText()).isEqualTo("unchanged");
        assertThat(Fixtures.get(server, blueprint, "a")).isEqualTo(created);
        assertThat(Fixtures.audits(server, blueprint)).hasSize(auditRows);
    }

    @ApiTest
    void aChangedUpsertGetsANewUpdatedAtAndAnAuditRow(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "changing", SERVICE_SCHEMA);
        JsonNode created = Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {port: 1}}");
        int auditRows = Fixtures.audits(server, blueprint).size();

        JsonNode updated = server.admin().post(entitiesPath(blueprint) + "?upsert=true", "{identifier: 'a', properties: {port: 2}}")
                .expect(200).get("entity");

        assertThat(updated.path("updatedAt").asText()).isGreaterThanOrEqualTo(created.path("updatedAt").asText());
        assertThat(updated.path("createdAt")).isEqualTo(created.path("createdAt"));
        assertThat(Fixtures.audits(server, blueprint)).hasSize(auditRows + 1);
    }

    @ApiTest
    void validationOnlyChecksTheEntityButWritesNothing(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "dryrun", SERVICE_SCHEMA);
        int auditRows = Fixtures.audits(server, blueprint).size();

        server.admin().post(entitiesPath(blueprint) + "?validation_only=true", "{identifier: 'a', properties: {port: 1}}").expect(201);
        server.admin().post(entitiesPath(blueprint) + "?validation_only=true", "{identifier: 'b', properties: {port: 'one'}}")
                .expectError(422, "invalid_entity");

        server.admin().get(entityPath(blueprint, "a")).expectError(404, "not_found");
        assertThat(Fixtures.count(server, blueprint)).isZero();
        assertThat(Fixtures.audits(server, blueprint)).hasSize(auditRows);

        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {port: 1}}");
        server.admin().post(entitiesPath(blueprint) + "?upsert=true&validation_only=true", "{identifier: 'a', properties: {port: 9}}")
                .expect(200);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("port").asInt()).isEqualTo(1);
    }

    @ApiTest
    void aRelationToAMissingEntityIs404NamingTheTargetAndWritesNothing(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s'}}}".formatted(domain));

        ApiResponse response = server.admin().post(entitiesPath(service), "{identifier: 's', relations: {domain: 'ghost'}}")
                .expectError(404, "not_found");

        assertThat(response.message()).contains("ghost").contains(domain);
        assertThat(Fixtures.count(server, service)).isZero();
        assertThat(Fixtures.count(server, domain)).isZero();
    }

    @ApiTest
    void createMissingRelatedEntitiesCreatesEmptyPlaceholderTargets(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain", "{schema: {properties: {name: {type: 'string'}}}}");
        String service = Fixtures.blueprint(server, "service", """
                {relations: {domain: {target: '%s'}, peers: {target: '%s', many: true}}}""".formatted(domain, domain));

        server.admin().post(entitiesPath(service) + "?create_missing_related_entities=true",
                "{identifier: 's', relations: {domain: 'ghost', peers: ['p1', 'ghost']}}").expect(201);

        JsonNode placeholder = Fixtures.get(server, domain, "ghost");
        assertThat(placeholder.path("identifier").asText()).isEqualTo("ghost");
        assertThat(placeholder.path("properties").isEmpty()).isTrue();
        Fixtures.get(server, domain, "p1");
        assertThat(Fixtures.count(server, domain)).isEqualTo(2);
        assertThat(Fixtures.get(server, service, "s").path("relations").path("domain").asText()).isEqualTo("ghost");
    }

    @ApiTest
    void everyPropertyRuleIsEnforcedWith422NamingTheProperty(ApiServer server) {
        String target = Fixtures.blueprint(server, "target");
        String blueprint = Fixtures.blueprint(server, "strict", """
                {schema: {properties: {
                  s: {type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$'},
                  n: {type: 'number', minimum: 0, maximum: 10},
                  b: {type: 'boolean'}, o: {type: 'object'},
                  a: {type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: {type: 'number'}},
                  emails: {type: 'array', items: {type: 'string', format: 'email'}},
                  e: {type: 'string', enum: ['x', 'y']},
                  dt: {type: 'string', format: 'date-time'}, url: {type: 'string', format: 'url'},
                  email: {type: 'string', format: 'email'}, idn: {type: 'string', format: 'idn-email'},
                  v4: {type: 'string', format: 'ipv4'}, v6: {type: 'string', format: 'ipv6'},
                  user: {type: 'string', format: 'user'}, timer: {type: 'string', format: 'timer'},
                  link: {type: 'object', format: 'labeled-url'},
                  md: {type: 'string', format: 'markdown'}, yaml: {type: 'string', format: 'yaml'},
                  team: {type: 'string', format: 'team'}, proto: {type: 'string', format: 'proto'},
                  req: {type: 'string'}}, required: ['req']},
                 relations: {one: {target: '%s'}, many: {target: '%s', many: true}}}""".formatted(target, target));
        Fixtures.entity(server, target, "{identifier: 't'}");

        Fixtures.entity(server, blueprint, """
                {identifier: 'valid', properties: {s: 'abc', n: 10, b: false, o: {k: 1}, a: [1, 2], emails: ['a@b.io'], e: 'x',
                 dt: '2024-05-01T12:00:00Z', url: 'https://example.com/x', email: 'a@example.com', idn: 'jörg@bücher.de',
                 v4: '10.0.0.1', v6: '2001:db8::1', user: 'u@example.com', timer: '2030-01-01T00:00:00Z',
                 link: {url: 'https://example.com', displayText: 'Example'}, md: '# Title', yaml: 'a: 1', team: 'anything',
                 proto: 'syntax = "proto3";', req: 'here'}, relations: {one: 't', many: ['t']}}""");

        List<String[]> cases = List.of(
                new String[] {"{s: 5}", "properties.s"}, new String[] {"{s: 'a'}", "properties.s"},
                new String[] {"{s: 'abcde'}", "properties.s"}, new String[] {"{s: 'AB'}", "properties.s"},
                new String[] {"{n: '5'}", "properties.n"}, new String[] {"{n: -1}", "properties.n"},
                new String[] {"{n: 10.5}", "properties.n"}, new String[] {"{b: 'true'}", "properties.b"},
                new String[] {"{o: [1]}", "properties.o"}, new String[] {"{a: {}}", "properties.a"},
                new String[] {"{a: []}", "properties.a"}, new String[] {"{a: [1, 2, 3]}", "properties.a"},
                new String[] {"{a: [1, 1]}", "properties.a"}, new String[] {"{a: ['x']}", "properties.a[0]"},
                new String[] {"{emails: ['nope']}", "properties.emails[0]"}, new String[] {"{e: 'z'}", "properties.e"},
                new String[] {"{dt: 'yesterday'}", "properties.dt"}, new String[] {"{url: 'not a url'}", "properties.url"},
                new String[] {"{email: 'a@'}", "properties.email"}, new String[] {"{idn: 'no at sign'}", "properties.idn"},
                new String[] {"{v4: '300.1.1.1'}", "properties.v4"}, new String[] {"{v6: '1::2::3'}", "properties.v6"},
                new String[] {"{user: 'nobody'}", "properties.user"}, new String[] {"{timer: 'soon'}", "properties.timer"},
                new String[] {"{link: {displayText: 'no url'}}", "properties.link"});
        for (String[] c : cases) {
            String properties = c[0].substring(0, c[0].length() - 1) + ", req: 'here'}";
            ApiResponse response = server.admin().post(entitiesPath(blueprint), "{identifier: 'bad', properties: %s}".formatted(properties))
                    .expectError(422, "invalid_entity");
            assertThat(response.detailPaths()).as(c[0]).contains(c[1]);
            assertThat(response.message()).as(c[0]).contains(c[1]);
        }
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'bad'}").expectError(422, "invalid_entity")
                .detailPaths()).contains("properties.req");
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'bad', properties: {req: 'x'}, relations: {nope: 't'}}")
                .expectError(422, "invalid_entity").detailPaths()).contains("relations.nope");
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'bad', properties: {req: 'x'}, relations: {one: ['t']}}")
                .expectError(422, "invalid_entity").detailPaths()).contains("relations.one");
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'bad', properties: {req: 'x'}, relations: {many: 't'}}")
                .expectError(422, "invalid_entity").detailPaths()).contains("relations.many");
        server.admin().get(entityPath(blueprint, "bad")).expectError(404, "not_found");
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
    }

    @ApiTest
    void aRequiredRelationMustBeGiven(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s', required: true}}}".formatted(domain));

        assertThat(server.admin().post(entitiesPath(service), "{identifier: 's'}").expectError(422, "invalid_entity").detailPaths())
                .contains("relations.domain");
    }

    @ApiTest
    void reportsEveryViolationOfOneEntityAtOnce(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "many_errors", SERVICE_SCHEMA);
        ApiResponse response = server.admin().post(entitiesPath(blueprint),
                "{identifier: 'a', properties: {language: 1, port: 'x', tags: 'y'}}").expectError(422, "invalid_entity");
        assertThat(response.detailPaths()).contains("properties.language", "properties.port", "properties.tags");
    }

    @ApiTest
    void acceptsEntityIdentifiersAsPortDoesAndRefusesOthers(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "ids");
        for (String id : List.of("café-ü", "日本語", "a.b+c:d=e@f_g-h", "back\\slash", "x".repeat(1000))) {
            Fixtures.entity(server, blueprint, Json.object().put("identifier", id).toString());
            assertThat(Fixtures.get(server, blueprint, id).path("identifier").asText()).isEqualTo(id);
        }
        for (String id : List.of(".", "..", "has space", "quote'", "semi;colon", "x".repeat(1001), "")) {
            ApiResponse response = server.admin().post(entitiesPath(blueprint), Json.object().put("identifier", id));
            assertThat(response.status()).as("identifier '%s'", id).isEqualTo(422);
        }
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(5);
    }

    @ApiTest
    void putReplacesAndPatchMergesAnExistingEntity(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "change", SERVICE_SCHEMA);
        Fixtures.entity(server, blueprint, "{identifier: 'a', title: 'A', properties: {language: 'java', port: 1}}");

        JsonNode patched = server.admin().patch(entityPath(blueprint, "a"), "{properties: {port: 2}}").expect(200).get("entity");
        assertThat(patched.path("title").asText()).isEqualTo("A");
        assertThat(patched.path("properties").path("language").asText()).isEqualTo("java");
        assertThat(patched.path("properties").path("port").asInt()).isEqualTo(2);

        JsonNode replaced = server.admin().put(entityPath(blueprint, "a"), "{title: 'New', properties: {port: 3}}").expect(200).get("entity");
        assertThat(replaced.path("title").asText()).isEqualTo("New");
        assertThat(replaced.path("properties").has("language")).isFalse();
        assertThat(Fixtures.get(server, blueprint, "a")).isEqualTo(replaced);

        server.admin().patch(entityPath(blueprint, "a"), "{properties: {port: 'x'}}").expectError(422, "invalid_entity");
        server.admin().put(entityPath(blueprint, "a"), "{identifier: 'b', title: 'renamed'}").expect(400);
        assertThat(Fixtures.get(server, blueprint, "a")).isEqualTo(replaced);
        server.admin().get(entityPath(blueprint, "b")).expectError(404, "not_found");
    }

    @ApiTest
    void answers404ForAMissingEntityOrBlueprint(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "sparse");
        for (ApiResponse response : List.of(
                server.admin().get(entityPath(blueprint, "nope")),
                server.admin().put(entityPath(blueprint, "nope"), "{title: 'x'}"),
                server.admin().patch(entityPath(blueprint, "nope"), "{title: 'x'}"),
                server.admin().delete(entityPath(blueprint, "nope")),
                server.admin().post(entitiesPath("no_such_blueprint"), "{identifier: 'x'}"),
                server.admin().get(entitiesPath("no_such_blueprint")),
                server.admin().get("/v1/blueprints/no_such_blueprint/entities-count"),
                server.admin().get(entityPath("no_such_blueprint", "x")))) {
            response.expectError(404, "not_found");
        }
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    @ApiTest
    void deletesAnEntity(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "gone");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}");

        server.admin().delete(entityPath(blueprint, "a")).expect(200);

        server.admin().get(entityPath(blueprint, "a")).expectError(404, "not_found");
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
    }

    @ApiTest
    void refusesToDeleteAnEntityThatARequiredRelationPointsAtUnlessDeletingDependents(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s', required: true}}}".formatted(domain));
        String deployment = Fixtures.blueprint(server, "deployment", "{relations: {service: {target: '%s', required: true}}}".formatted(service));
        Fixtures.entity(server, domain, "{identifier: 'payments'}");
        Fixtures.entity(server, service, "{identifier: 'billing', relations: {domain: 'payments'}}");
        Fixtures.entity(server, deployment, "{identifier: 'billing-prod', relations: {service: 'billing'}}");

        ApiResponse refused = server.admin().delete(entityPath(domain, "payments")).expectError(409, "has_dependents");
        assertThat(refused.message()).contains("billing").contains("delete_dependents=true");
        Fixtures.get(server, domain, "payments");
        Fixtures.get(server, service, "billing");

        server.admin().delete(entityPath(domain, "payments") + "?delete_dependents=true").expect(200);
        server.admin().get(entityPath(domain, "payments")).expectError(404, "not_found");
        server.admin().get(entityPath(service, "billing")).expectError(404, "not_found");
        server.admin().get(entityPath(deployment, "billing-prod")).expectError(404, "not_found");
    }

    @ApiTest
    void deletingATargetClearsOptionalRelationsPointingAtIt(ApiServer server) {
        String team = Fixtures.blueprint(server, "team");
        String service = Fixtures.blueprint(server, "service", """
                {relations: {owner: {target: '%s'}, reviewers: {target: '%s', many: true}}}""".formatted(team, team));
        Fixtures.entities(server, team, "{identifier: 'red'}", "{identifier: 'blue'}");
        Fixtures.entity(server, service, "{identifier: 's', relations: {owner: 'red', reviewers: ['red', 'blue']}}");

        server.admin().delete(entityPath(team, "red")).expect(200);

        JsonNode s = Fixtures.get(server, service, "s");
        assertThat(s.path("relations").path("owner").isNull()).isTrue();
        assertThat(texts(s.path("relations").path("reviewers"))).containsExactly("blue");
        JsonNode search = server.admin().post(entitiesPath(service) + "/search",
                "{query: {combinator: 'and', rules: [{operator: 'relatedTo', blueprint: '%s', value: 'red'}]}}".formatted(team))
                .expect(200).get("entities");
        assertThat(search).isEmpty();
    }

    @ApiTest
    void countsTheEntitiesOfABlueprint(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "counted");
        assertThat(Fixtures.count(server, blueprint)).isZero();
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}", "{identifier: 'c'}");
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(3);
    }

    @ApiTest
    void listsEveryEntityOfABlueprintWithIncludeAndExclude(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "listed", SERVICE_SCHEMA);
        String other = Fixtures.blueprint(server, "other");
        Fixtures.entities(server, blueprint, "{identifier: 'a', title: 'A', properties: {language: 'java', port: 1}}",
                "{identifier: 'b', title: 'B', properties: {language: 'go', port: 2}}");
        Fixtures.entity(server, other, "{identifier: 'x'}");

        ApiResponse all = server.admin().get(entitiesPath(blueprint)).expect(200);
        assertThat(all.identifiers()).containsExactlyInAnyOrder("a", "b");
        assertThat(all.get("entities").get(0).path("properties").size()).isEqualTo(2);

        JsonNode included = server.admin().get(entitiesPath(blueprint) + "?include=identifier&include=properties.port")
                .expect(200).get("entities").get(0);
        assertThat(fields(included)).containsExactlyInAnyOrder("identifier", "properties");
        assertThat(fields(included.path("properties"))).containsExactly("port");

        JsonNode excluded = server.admin().get(entitiesPath(blueprint) + "?exclude=properties.language,title")
                .expect(200).get("entities").get(0);
        assertThat(fields(excluded)).doesNotContain("title").contains("identifier", "relations");
        assertThat(fields(excluded.path("properties"))).containsExactly("port");
    }

    @ApiTest
    void listsABlueprintOfMoreThanOnePage(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "big");
        server.admin().post(entitiesPath(blueprint) + "/bulk", bulkOf(0, 1001)).expect(413);
        server.admin().post(entitiesPath(blueprint) + "/bulk", bulkOf(0, 1000)).expect(200);
        server.admin().post(entitiesPath(blueprint) + "/bulk", bulkOf(1000, 1002)).expect(200);

        ApiResponse listed = server.admin().get(entitiesPath(blueprint)).expect(200);
        assertThat(listed.identifiers()).hasSize(1002).doesNotHaveDuplicates();
    }

    @ApiTest
    void mirrorPropertiesAreReadThroughRelations(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain", "{schema: {properties: {name: {type: 'string'}}}}");
        String service = Fixtures.blueprint(server, "service", """
                {relations: {domain: {target: '%s'}}, mirrorProperties: {domainName: {path: 'domain.name'}, domainTitle: {path: 'domain.$title'}}}"""
                .formatted(domain));
        Fixtures.entity(server, domain, "{identifier: 'payments', title: 'Payments', properties: {name: 'Pay'}}");
        Fixtures.entity(server, service, "{identifier: 'billing', relations: {domain: 'payments'}}");
        Fixtures.entity(server, service, "{identifier: 'lonely'}");

        JsonNode billing = Fixtures.get(server, service, "billing");
        assertThat(billing.path("properties").path("domainName").asText()).isEqualTo("Pay");
        assertThat(billing.path("properties").path("domainTitle").asText()).isEqualTo("Payments");
        assertThat(Fixtures.get(server, service, "lonely").path("properties").path("domainName").isNull()).isTrue();

        server.admin().patch(entityPath(domain, "payments"), "{properties: {name: 'Payments & Co'}}").expect(200);
        assertThat(Fixtures.get(server, service, "billing").path("properties").path("domainName").asText()).isEqualTo("Payments & Co");
        JsonNode listed = server.admin().get(entitiesPath(service)).expect(200).get("entities");
        listed.forEach(e -> assertThat(e.path("properties").has("domainName")).isTrue());
        JsonNode searched = server.admin().post(entitiesPath(service) + "/search",
                "{query: {combinator: 'and', rules: [{property: '$identifier', operator: '=', value: 'billing'}]}}").expect(200).get("entities");
        assertThat(searched.get(0).path("properties").path("domainName").asText()).isEqualTo("Payments & Co");
    }

    @ApiTest
    void appliesPropertyDefaultsToANewEntityButNotToAMerge(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "defaults", """
                {schema: {properties: {tier: {type: 'string', default: 'bronze'}, replicas: {type: 'number', default: 1}}}}""");

        JsonNode created = Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {replicas: 3}}");

        assertThat(created.path("properties").path("tier").asText()).isEqualTo("bronze");
        assertThat(created.path("properties").path("replicas").asInt()).isEqualTo(3);
        server.admin().patch(entityPath(blueprint, "a"), "{properties: {tier: 'gold'}}").expect(200);
        JsonNode merged = server.admin().post(entitiesPath(blueprint) + "?upsert=true&merge=true", "{identifier: 'a', title: 'A'}")
                .expect(200).get("entity");
        assertThat(merged.path("properties").path("tier").asText()).isEqualTo("gold");
    }

    @ApiTest
    void calculationPropertiesAreComputedOnRead(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "calculated", """
                {schema: {properties: {name: {type: 'string'}, port: {type: 'number'}}},
                 calculationProperties: {shout: {title: 'Shout', calculation: '.properties.name | ascii_upcase', type: 'string'},
                                         next: {calculation: '.properties.port + 1', type: 'number'},
                                         broken: {calculation: '.properties.name | tonumber', type: 'number'}}}""");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {name: 'billing', port: 8080}}");

        JsonNode entity = Fixtures.get(server, blueprint, "a");

        assertThat(entity.path("properties").path("shout").asText()).isEqualTo("BILLING");
        assertThat(entity.path("properties").path("next").asInt()).isEqualTo(8081);
        assertThat(entity.path("properties").path("broken").isNull()).isTrue();
        JsonNode listed = server.admin().get(entitiesPath(blueprint)).expect(200).get("entities").get(0);
        assertThat(listed.path("properties").path("shout").asText()).isEqualTo("BILLING");
        // Computed values are not stored: writing the entity back unchanged is still unchanged.
        JsonNode again = server.admin().post(entitiesPath(blueprint) + "?upsert=true",
                "{identifier: 'a', properties: {name: 'billing', port: 8080}}").expect(200).get("entity");
        assertThat(again.path("updatedAt")).isEqualTo(entity.path("updatedAt"));
    }

    @ApiTest
    void getAppliesIncludeAndExclude(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "projected", SERVICE_SCHEMA);
        Fixtures.entity(server, blueprint, "{identifier: 'a', title: 'A', properties: {language: 'go', port: 1}}");

        JsonNode included = server.admin().get(entityPath(blueprint, "a") + "?include=title&include=properties.port").expect(200).get("entity");
        assertThat(included).isEqualTo(dev.portolan.server.testing.ApiClient.json("{title: 'A', properties: {port: 1}}"));
        JsonNode excluded = server.admin().get(entityPath(blueprint, "a") + "?exclude=properties").expect(200).get("entity");
        assertThat(excluded.has("properties")).isFalse();
        assertThat(excluded.path("title").asText()).isEqualTo("A");
    }

    @ApiTest
    void mirrorPropertiesThroughAManyRelationAreArrays(ApiServer server) {
        String team = Fixtures.blueprint(server, "team", "{schema: {properties: {lead: {type: 'string'}}}}");
        String service = Fixtures.blueprint(server, "service", """
                {relations: {teams: {target: '%s', many: true}}, mirrorProperties: {leads: {path: 'teams.lead'}}}""".formatted(team));
        Fixtures.entities(server, team, "{identifier: 'red', properties: {lead: 'ann'}}", "{identifier: 'blue', properties: {lead: 'bob'}}");
        Fixtures.entity(server, service, "{identifier: 's', relations: {teams: ['red', 'blue']}}");

        assertThat(texts(Fixtures.get(server, service, "s").path("properties").path("leads"))).containsExactlyInAnyOrder("ann", "bob");
    }

    @ApiTest
    void validationOnlyCreatesNoPlaceholders(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s'}}}".formatted(domain));

        server.admin().post(entitiesPath(service) + "?validation_only=true&create_missing_related_entities=true",
                "{identifier: 's', relations: {domain: 'ghost'}}").expect(201);

        assertThat(Fixtures.count(server, domain)).isZero();
        assertThat(Fixtures.count(server, service)).isZero();
    }

    @ApiTest
    void patchingARelationToAMissingEntityIs404AndChangesNothing(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s'}}}".formatted(domain));
        Fixtures.entity(server, domain, "{identifier: 'd1'}");
        JsonNode before = Fixtures.entity(server, service, "{identifier: 's', relations: {domain: 'd1'}}");

        assertThat(server.admin().patch(entityPath(service, "s"), "{relations: {domain: 'ghost'}}").expectError(404, "not_found").message())
                .contains("ghost");
        assertThat(Fixtures.get(server, service, "s")).isEqualTo(before);
        server.admin().patch(entityPath(service, "s") + "?create_missing_related_entities=true", "{relations: {domain: 'ghost'}}").expect(200);
        Fixtures.get(server, domain, "ghost");
    }

    @ApiTest
    void aTeamGivenAsAStringIsStoredAsAList(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "owned");
        JsonNode created = Fixtures.entity(server, blueprint, "{identifier: 'a', team: 'platform'}");
        assertThat(texts(created.path("team"))).containsExactly("platform");
    }

    private static JsonNode bulkOf(int from, int to) {
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        for (int i = from; i < to; i++) entities.addObject().put("identifier", "e" + i);
        return body;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
