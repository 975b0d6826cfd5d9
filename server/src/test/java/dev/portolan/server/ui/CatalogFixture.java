package dev.portolan.server.ui;

import dev.portolan.server.testing.ApiClient;

/**
 * A small catalog written through the {@code /v1} API, as a program would: teams, services with
 * properties of every display kind and relations (owner: a team, dependsOn: other services), and
 * one service whose title and URL are attacks.
 */
final class CatalogFixture {

    static final String XSS_TITLE = "<img src=x onerror=alert(1)>";

    private CatalogFixture() {}

    static void load(ApiClient api) {
        api.post("/v1/blueprints", """
                {identifier: 'team', title: 'Team', schema: {properties: {slack: {type: 'string', title: 'Slack channel'}}}}
                """).expect(201);
        api.post("/v1/blueprints", """
                {identifier: 'service', title: 'Service', description: 'Deployable services',
                 schema: {properties: {
                   tier: {type: 'number', title: 'Tier'},
                   language: {type: 'string', title: 'Language', enum: ['go', 'java', 'python']},
                   url: {type: 'string', format: 'url', title: 'Repository'},
                   active: {type: 'boolean', title: 'Active'},
                   readme: {type: 'string', format: 'markdown', title: 'Readme'},
                   tags: {type: 'array', title: 'Tags'}},
                   required: []},
                 relations: {owner: {title: 'Owner', target: 'team', required: false, many: false},
                             dependsOn: {title: 'Depends on', target: 'service', required: false, many: true}}}
                """).expect(201);
        api.post("/v1/blueprints/team/entities", "{identifier: 'payments', title: 'Payments team', properties: {slack: '#payments'}}").expect(201);
        api.post("/v1/blueprints/team/entities", "{identifier: 'platform', title: 'Platform team'}").expect(201);
        for (int i = 1; i <= 60; i++) {
            String id = String.format("svc-%02d", i);
            String owner = i % 2 == 0 ? "payments" : "platform";
            String language = switch (i % 3) { case 0 -> "go"; case 1 -> "java"; default -> "python"; };
            api.post("/v1/blueprints/service/entities", String.format("""
                    {identifier: '%s', title: 'Service %02d', team: ['%s'],
                     properties: {tier: %d, language: '%s', url: 'https://git.example.com/%s', active: %s, tags: ['t%d']},
                     relations: {owner: '%s'}}
                    """, id, i, owner, i % 4, language, id, i % 5 != 0, i % 3, owner)).expect(201);
        }
        api.post("/v1/blueprints/service/entities", """
                {identifier: 'checkout', title: 'Checkout', team: ['payments'],
                 properties: {tier: 1, language: 'java', url: 'https://git.example.com/checkout', active: true,
                   readme: '# Checkout\\n\\nTakes **payments**. <script>alert(2)</script>', tags: ['critical', 'pci']},
                 relations: {owner: 'payments', dependsOn: ['svc-01', 'svc-02']}}
                """).expect(201);
        api.post("/v1/blueprints/service/entities", """
                {identifier: 'cart', title: 'Cart', relations: {owner: 'payments', dependsOn: ['checkout']}}
                """).expect(201);
        api.post("/v1/blueprints/service/entities",
                "{identifier: 'evil', title: '" + XSS_TITLE + "', properties: {url: 'javascript:alert(3)'}}").expect(201);
    }
}
