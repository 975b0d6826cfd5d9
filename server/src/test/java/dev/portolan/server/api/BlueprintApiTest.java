package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;
import dev.portolan.server.testing.Ids;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/blueprints}: create, list, get, put, patch, delete, and the rules a blueprint must follow. */
class BlueprintApiTest {

    @ApiTest
    void createsABlueprintWith201AndReturnsItOnGetAndList(ApiServer server) {
        String id = Ids.unique("service");
        JsonNode created = server.admin().post("/v1/blueprints", """
                {identifier: '%s', title: 'Service', icon: 'Microservice', description: 'A deployable unit',
                 schema: {properties: {language: {type: 'string', enum: ['java', 'go']}, port: {type: 'number'}},
                          required: ['language']}}""".formatted(id)).expect(201).get("blueprint");

        assertThat(created.path("identifier").asText()).isEqualTo(id);
        assertThat(created.path("title").asText()).isEqualTo("Service");
        assertThat(created.path("icon").asText()).isEqualTo("Microservice");
        assertThat(created.path("schema").path("properties").path("language").path("enum")).hasSize(2);
        assertThat(created.path("schema").path("required").get(0).asText()).isEqualTo("language");
        assertThat(created.path("createdBy").asText()).isEqualTo(ApiServer.ADMIN_CLIENT_ID);
        assertThat(created.path("createdAt").asText()).isNotBlank();

        JsonNode fetched = server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint");
        assertThat(fetched).isEqualTo(created);
        List<String> listed = new ArrayList<>();
        server.admin().get("/v1/blueprints").expect(200).get("blueprints").forEach(b -> listed.add(b.path("identifier").asText()));
        assertThat(listed).contains(id);
    }

    @ApiTest
    void usesTheIdentifierAsTitleWhenNoneIsGiven(ApiServer server) {
        String id = Fixtures.blueprint(server, "untitled");
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint").path("title").asText()).isEqualTo(id);
    }

    @ApiTest
    void acceptsEveryPropertyTypeAndFormat(ApiServer server) {
        String id = Ids.unique("everything");
        server.admin().post("/v1/blueprints", """
                {identifier: '%s', schema: {properties: {
                  s: {type: 'string', minLength: 1, maxLength: 10, pattern: '^[a-z]+$', default: 'abc'},
                  n: {type: 'number', minimum: 0, maximum: 10, default: 5},
                  b: {type: 'boolean', default: true},
                  o: {type: 'object'},
                  a: {type: 'array', items: {type: 'string', format: 'email'}, minItems: 0, maxItems: 3, uniqueItems: true},
                  dt: {type: 'string', format: 'date-time'}, url: {type: 'string', format: 'url'},
                  email: {type: 'string', format: 'email'}, idn: {type: 'string', format: 'idn-email'},
                  v4: {type: 'string', format: 'ipv4'}, v6: {type: 'string', format: 'ipv6'},
                  md: {type: 'string', format: 'markdown'}, yaml: {type: 'string', format: 'yaml'},
                  user: {type: 'string', format: 'user'}, team: {type: 'string', format: 'team'},
                  timer: {type: 'string', format: 'timer'}, proto: {type: 'string', format: 'proto'},
                  link: {type: 'object', format: 'labeled-url'},
                  e: {type: 'string', enum: ['x', 'y']}}}}""".formatted(id)).expect(201);
    }

    @ApiTest
    void refusesAnExistingIdentifierWith409(ApiServer server) {
        String id = Fixtures.blueprint(server, "dup");
        server.admin().post("/v1/blueprints", "{identifier: '%s', title: 'again'}".formatted(id)).expectError(409, "identifier_taken");
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint").path("title").asText()).isEqualTo(id);
    }

    @ApiTest
    void refusesAnInvalidBlueprintWith422ListingEveryProblemByPath(ApiServer server) {
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: 'not valid!', schema: {properties: {
                  t: {type: 'strin'},
                  f: {type: 'string', format: 'nope'},
                  l: {type: 'string', minLength: -1},
                  p: {type: 'string', pattern: '('},
                  m: {type: 'number', minLength: 2},
                  d: {type: 'number', maximum: 3, default: 4}},
                  required: ['missing']}}""").expectError(422, "invalid_blueprint");

        assertThat(response.detailPaths()).contains("identifier", "schema.properties.t.type", "schema.properties.f.format",
                "schema.properties.l.minLength", "schema.properties.p.pattern", "schema.properties.m.minLength",
                "schema.properties.d.default", "schema.required[0]");
        server.admin().get("/v1/blueprints/" + ApiClient.encode("not valid!")).expect(404);
    }

    @ApiTest
    void refusesIdentifiersLongerThan100Characters(ApiServer server) {
        String longId = "b".repeat(101);
        server.admin().post("/v1/blueprints", "{identifier: '%s'}".formatted(longId)).expectError(422, "invalid_blueprint");
        server.admin().post("/v1/blueprints", "{identifier: '%s'}".formatted(Ids.unique("b".repeat(80))))
                .expect(201);
        ApiResponse property = server.admin().post("/v1/blueprints", "{identifier: '%s', schema: {properties: {%s: {type: 'string'}}}}"
                .formatted(Ids.unique("longprop"), "p".repeat(101))).expectError(422, "invalid_blueprint");
        assertThat(property.detailPaths()).contains("schema.properties." + "p".repeat(101));
    }

    @ApiTest
    void refusesARelationToAMissingBlueprintWith422(ApiServer server) {
        String id = Ids.unique("orphan");
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: '%s', relations: {owner: {title: 'Owner', target: 'no_such_blueprint', required: false, many: false}}}"""
                .formatted(id)).expectError(422, "invalid_blueprint");

        assertThat(response.detailPaths()).containsExactly("relations.owner.target");
        assertThat(response.message()).contains("no_such_blueprint");
        server.admin().get("/v1/blueprints/" + id).expectError(404, "not_found");
    }

    @ApiTest
    void refusesARelationThatIsBothManyAndRequiredWith422(ApiServer server) {
        String target = Fixtures.blueprint(server, "target");
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: '%s', relations: {deps: {target: '%s', required: true, many: true}}}"""
                .formatted(Ids.unique("manyrequired"), target)).expectError(422, "invalid_blueprint");

        assertThat(response.detailPaths()).contains("relations.deps");
    }

    @ApiTest
    void acceptsARelationToItself(ApiServer server) {
        String id = Ids.unique("node");
        server.admin().post("/v1/blueprints", "{identifier: '%s', relations: {parent: {target: '%s'}}}".formatted(id, id)).expect(201);
    }

    @ApiTest
    void replacesABlueprintOnPutKeepingItsCreation(ApiServer server) {
        String id = Fixtures.blueprint(server, "replaced", "{title: 'Before', schema: {properties: {a: {type: 'string'}, b: {type: 'number'}}}}");
        JsonNode before = server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint");

        JsonNode after = server.admin().put("/v1/blueprints/" + id,
                "{identifier: '%s', title: 'After', schema: {properties: {c: {type: 'boolean'}}}}".formatted(id))
                .expect(200).get("blueprint");

        assertThat(after.path("title").asText()).isEqualTo("After");
        assertThat(names(after.path("schema").path("properties"))).containsExactly("c");
        assertThat(after.path("createdAt")).isEqualTo(before.path("createdAt"));
        assertThat(after.path("updatedAt").asText()).isGreaterThanOrEqualTo(before.path("updatedAt").asText());
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint")).isEqualTo(after);
    }

    @ApiTest
    void putWithoutIdentifierUsesThePathAndRefusesAnotherIdentifier(ApiServer server) {
        String id = Fixtures.blueprint(server, "putpath");
        server.admin().put("/v1/blueprints/" + id, "{title: 'No identifier in body'}").expect(200);
        server.admin().put("/v1/blueprints/" + id, "{identifier: 'someone_else', title: 'x'}").expectError(422, "invalid_blueprint");
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint").path("title").asText())
                .isEqualTo("No identifier in body");
    }

    @ApiTest
    void patchMergesIntoTheBlueprintAndNullRemovesAProperty(ApiServer server) {
        String id = Fixtures.blueprint(server, "patched", """
                {title: 'Old', description: 'kept', schema: {properties: {a: {type: 'string'}, b: {type: 'number'}}}}""");

        JsonNode patched = server.admin().patch("/v1/blueprints/" + id, """
                {title: 'New', schema: {properties: {b: null, c: {type: 'boolean'}}}}""").expect(200).get("blueprint");

        assertThat(patched.path("title").asText()).isEqualTo("New");
        assertThat(patched.path("description").asText()).isEqualTo("kept");
        assertThat(names(patched.path("schema").path("properties"))).containsExactlyInAnyOrder("a", "c");
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint")).isEqualTo(patched);
    }

    @ApiTest
    void patchThatBreaksTheRulesIs422AndChangesNothing(ApiServer server) {
        String id = Fixtures.blueprint(server, "badpatch", "{schema: {properties: {a: {type: 'string'}}}}");
        JsonNode before = server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint");

        ApiResponse response = server.admin().patch("/v1/blueprints/" + id, "{schema: {properties: {a: {type: 'text'}}}}")
                .expectError(422, "invalid_blueprint");

        assertThat(response.detailPaths()).contains("schema.properties.a.type");
        assertThat(server.admin().get("/v1/blueprints/" + id).expect(200).get("blueprint")).isEqualTo(before);
    }

    @ApiTest
    void answers404ForAMissingBlueprintOnEveryMethod(ApiServer server) {
        String missing = Ids.unique("missing");
        server.admin().get("/v1/blueprints/" + missing).expectError(404, "not_found");
        server.admin().put("/v1/blueprints/" + missing, "{title: 'x'}").expectError(404, "not_found");
        server.admin().patch("/v1/blueprints/" + missing, "{title: 'x'}").expectError(404, "not_found");
        server.admin().delete("/v1/blueprints/" + missing).expectError(404, "not_found");
    }

    @ApiTest
    void deletesABlueprintWithoutEntities(ApiServer server) {
        String id = Fixtures.blueprint(server, "deleted");
        server.admin().delete("/v1/blueprints/" + id).expect(200);
        server.admin().get("/v1/blueprints/" + id).expectError(404, "not_found");
    }

    @ApiTest
    void refusesToDeleteABlueprintWithEntitiesUnlessAskedToDeleteThem(ApiServer server) {
        String id = Fixtures.blueprint(server, "full");
        Fixtures.entities(server, id, "{identifier: 'one'}", "{identifier: 'two'}");

        ApiResponse refused = server.admin().delete("/v1/blueprints/" + id).expectError(409, "has_entities");
        assertThat(refused.message()).contains("delete_entities=true");
        assertThat(Fixtures.count(server, id)).isEqualTo(2);

        server.admin().delete("/v1/blueprints/" + id + "?delete_entities=true").expect(200);
        server.admin().get("/v1/blueprints/" + id).expectError(404, "not_found");
        server.admin().get(Fixtures.entityPath(id, "one")).expectError(404, "not_found");
    }

    @ApiTest
    void deletingABlueprintWithItsEntitiesAlsoDeletesEntitiesThatRequireThem(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s', required: true}}}".formatted(domain));
        Fixtures.entity(server, domain, "{identifier: 'payments'}");
        Fixtures.entity(server, service, "{identifier: 'billing', relations: {domain: 'payments'}}");

        // The relation itself still targets the blueprint: that is refused first, entities or not.
        server.admin().delete("/v1/blueprints/" + domain + "?delete_entities=true").expectError(409, "blueprint_in_use");
        assertThat(Fixtures.count(server, domain)).isEqualTo(1);
        assertThat(Fixtures.count(server, service)).isEqualTo(1);
    }

    @ApiTest
    void refusesToDeleteTheTargetOfARelationWith409(ApiServer server) {
        String target = Fixtures.blueprint(server, "team_bp");
        String source = Fixtures.blueprint(server, "owned", "{relations: {team: {target: '%s'}}}".formatted(target));

        ApiResponse refused = server.admin().delete("/v1/blueprints/" + target).expectError(409, "blueprint_in_use");
        assertThat(refused.message()).contains(source);
        server.admin().get("/v1/blueprints/" + target).expect(200);

        server.admin().patch("/v1/blueprints/" + source, "{relations: {team: null}}").expect(200);
        server.admin().delete("/v1/blueprints/" + target).expect(200);
    }

    @ApiTest
    void refusesAMirrorPropertyWhosePathLeadsNowhereWith422(ApiServer server) {
        String domain = Fixtures.blueprint(server, "mirrordomain", "{schema: {properties: {name: {type: 'string'}}}}");
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: '%s', relations: {domain: {target: '%s'}},
                 mirrorProperties: {good: {path: 'domain.name'}, badRelation: {path: 'nope.name'}, badLeaf: {path: 'domain.nope'}}}"""
                .formatted(Ids.unique("mirrors"), domain)).expectError(422, "invalid_blueprint");

        assertThat(response.detailPaths()).containsExactlyInAnyOrder("mirrorProperties.badRelation.path", "mirrorProperties.badLeaf.path");
    }

    @ApiTest
    void refusesACalculationThatDoesNotCompileWith422(ApiServer server) {
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: '%s', calculationProperties: {bad: {calculation: '.properties | ((', type: 'string'}}}"""
                .formatted(Ids.unique("calc"))).expectError(422, "invalid_blueprint");
        assertThat(response.detailPaths()).containsExactly("calculationProperties.bad.calculation");
        ApiResponse badType = server.admin().post("/v1/blueprints", """
                {identifier: '%s', calculationProperties: {badType: {calculation: '.', type: 'date'}}}"""
                .formatted(Ids.unique("calc"))).expectError(422, "invalid_blueprint");
        assertThat(badType.detailPaths()).containsExactly("calculationProperties.badType.type");
    }

    @ApiTest
    void refusesANameUsedTwiceAcrossPropertiesRelationsAndComputedProperties(ApiServer server) {
        String target = Fixtures.blueprint(server, "target");
        ApiResponse response = server.admin().post("/v1/blueprints", """
                {identifier: '%s', schema: {properties: {owner: {type: 'string'}}}, relations: {owner: {target: '%s'}}}"""
                .formatted(Ids.unique("twice"), target)).expectError(422, "invalid_blueprint");
        assertThat(response.detailPaths()).contains("owner");
    }

    @ApiTest
    void removingARelationLetsItsTargetBlueprintBeDeletedWithItsEntities(ApiServer server) {
        String team = Fixtures.blueprint(server, "team");
        String service = Fixtures.blueprint(server, "service", "{relations: {owner: {target: '%s'}}}".formatted(team));
        Fixtures.entity(server, team, "{identifier: 't1'}");
        Fixtures.entity(server, service, "{identifier: 's1', relations: {owner: 't1'}}");

        server.admin().patch("/v1/blueprints/" + service, "{relations: {owner: null}}").expect(200);
        server.admin().delete("/v1/blueprints/" + team + "?delete_entities=true").expect(200);

        server.admin().get("/v1/blueprints/" + team).expectError(404, "not_found");
        Fixtures.get(server, service, "s1");
        server.admin().patch(Fixtures.entityPath(service, "s1"), "{title: 'still writable'}").expect(200);
    }

    @ApiTest
    void removingAPropertyKeepsEntitiesReadableAndWritable(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "shrinking", "{schema: {properties: {a: {type: 'string'}, b: {type: 'string'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'e', properties: {a: 'x', b: 'y'}}");

        server.admin().patch("/v1/blueprints/" + blueprint, "{schema: {properties: {b: null}}}").expect(200);

        Fixtures.get(server, blueprint, "e");
        JsonNode patched = server.admin().patch(Fixtures.entityPath(blueprint, "e"), "{properties: {a: 'z'}}").expect(200).get("entity");
        assertThat(patched.path("properties").path("a").asText()).isEqualTo("z");
        assertThat(patched.path("properties").has("b")).isFalse();
        // a value for the removed property is dropped, not stored (Port's rule for undefined properties)
        JsonNode upserted = server.admin().post(Fixtures.entitiesPath(blueprint) + "?upsert=true&merge=true",
                "{identifier: 'e', properties: {b: 'y'}}").expect(200).get("entity");
        assertThat(upserted.path("properties").has("b")).isFalse();
        assertThat(upserted.path("properties").path("a").asText()).isEqualTo("z");
    }

    @ApiTest
    void aRequiredRelationCycleIsDeletedOnlyWithItsDependents(ApiServer server) {
        String node = Fixtures.blueprint(server, "cycle");
        server.admin().patch("/v1/blueprints/" + node, "{relations: {next: {target: '%s', required: true}}}".formatted(node)).expect(200);
        server.admin().post(Fixtures.entitiesPath(node) + "/bulk",
                "{entities: [{identifier: 'a', relations: {next: 'b'}}, {identifier: 'b', relations: {next: 'a'}}]}").expect(200);

        server.admin().delete(Fixtures.entityPath(node, "a")).expectError(409, "has_dependents");
        server.admin().delete(Fixtures.entityPath(node, "a") + "?delete_dependents=true").expect(200);
        assertThat(Fixtures.count(server, node)).isZero();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
