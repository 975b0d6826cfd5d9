package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.Ids;

/**
 * Ocean's {@code fake-integration} (its {@code .port/resources}): two blueprints and the default
 * mapping, under identifiers unique to one test. The person mapping maps {@code name} and
 * {@code department}, which the person blueprint does not define, as the real one does.
 */
record OceanFixtures(OceanClient ocean, String department, String person) {

    static OceanFixtures registered(ApiServer server) {
        OceanFixtures fixtures = of(server.admin(), Ids.unique("fake-integration"), Ids.unique("fake-int"));
        fixtures.ocean().createIntegration(fixtures.mapping(), false).expect(200);
        return fixtures;
    }

    static OceanFixtures of(ApiClient api, String type, String identifier) {
        return new OceanFixtures(new OceanClient(api, type, identifier), Ids.unique("fake-department"), Ids.unique("fake-person"));
    }

    JsonNode departmentBlueprint() {
        return ApiClient.json("""
                {identifier: '%s', title: 'Fake Department', icon: 'Blueprint',
                 schema: {properties: {name: {type: 'string'}, id: {type: 'string'}}}}""".formatted(department));
    }

    /** With the relation, as Ocean's second creation step patches it in. */
    JsonNode personBlueprint() {
        return ApiClient.json("""
                {identifier: '%s', title: 'Fake Person', icon: 'Blueprint',
                 schema: {properties: {status: {type: 'string', enum: ['WORKING', 'NOPE'], enumColors: {WORKING: 'green', NOPE: 'red'}, title: 'Status'},
                                       email: {type: 'string', format: 'email', title: 'Email'},
                                       age: {type: 'number', title: 'Age'}}},
                 relations: {department: {title: 'Department', description: 'Fake Department', target: '%s', required: false, many: false}}}"""
                .formatted(person, department));
    }

    void createBlueprints() {
        ocean.createBlueprint(departmentBlueprint()).expect(201);
        ocean.createBlueprint(personBlueprint()).expect(201);
    }

    /** {@code PortAppConfig.to_request()} of the fake integration's default mapping. */
    ObjectNode mapping() {
        return (ObjectNode) ApiClient.json("""
                {deleteDependentEntities: true, createMissingRelatedEntities: true, enableMergeEntity: true,
                 resources: [
                  {kind: 'fake-department', selector: {query: 'true'},
                   port: {entity: {mappings: {identifier: '.id', title: '.name', blueprint: '"%s"',
                                              properties: {name: '.name', id: '.id'}}}}},
                  {kind: 'fake-person', selector: {query: 'true'},
                   port: {entity: {mappings: {identifier: '.id', title: '.name', blueprint: '"%s"',
                                              properties: {name: '.name', email: '.email', status: '.status', age: '.age',
                                                           department: '.department.name'},
                                              relations: {department: '.department.id'}}}}}]}"""
                .formatted(department, person));
    }

    /** A person as Ocean's jq processor maps it (the two undefined properties included). */
    JsonNode personEntity(String id, String departmentId) {
        return ApiClient.json("""
                {identifier: '%s', title: 'Person %s', blueprint: '%s',
                 properties: {name: 'Person %s', email: '%s@example.com', status: 'WORKING', age: 42, department: 'Dept'},
                 relations: {department: '%s'}}""".formatted(id, id, person, id, id.toLowerCase(), departmentId));
    }

    JsonNode departmentEntity(String id) {
        return ApiClient.json("{identifier: '%s', title: '%s', blueprint: '%s', properties: {name: '%s', id: '%s'}}"
                .formatted(id, id, department, id, id));
    }
}
