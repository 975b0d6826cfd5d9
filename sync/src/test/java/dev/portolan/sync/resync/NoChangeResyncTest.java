package dev.portolan.sync.resync;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Instant;

import static dev.portolan.sync.testing.Fixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resync of a source that did not change writes nothing, whatever the entity holds: every
 * property type, numbers written in several ways, nulls, many-relations, teams, merged fields.
 */
class NoChangeResyncTest {

    private static final String RICH = """
            {"identifier": "rich", "title": "Rich",
             "schema": {"properties": {"s": {"type": "string"}, "n": {"type": "number"}, "i": {"type": "number"},
                                       "b": {"type": "boolean"}, "a": {"type": "array"}, "o": {"type": "object"},
                                       "d": {"type": "string", "format": "date-time"}, "u": {"type": "string", "format": "url"},
                                       "missing": {"type": "string"}, "byApi": {"type": "number"}}},
             "relations": {"teams": {"title": "Teams", "target": "team", "required": false, "many": true},
                           "lead": {"title": "Lead", "target": "team", "required": false, "many": false}}}""";

    private static final String MAPPING = """
            enableMergeEntity: %s
            createMissingRelatedEntities: false
            resources:
              - kind: team
                port: {entity: {mappings: {identifier: .name, blueprint: '"team"', properties: {size: .size}}}}
              - kind: repository
                port:
                  entity:
                    mappings:
                      identifier: .id
                      title: .title
                      icon: '"Github"'
                      blueprint: '"rich"'
                      team: .owners
                      properties:
                        s: .s
                        n: .n
                        i: .i
                        b: .b
                        a: .a
                        o: .o
                        d: .d
                        u: .u
                        missing: .nope
                      relations:
                        teams: .teams
                        lead: .lead
            """;

    private static SyncHarness withRichSource(SyncHarness sync) {
        return sync.blueprint(TEAM).blueprint(RICH)
                .script("team", KindScript.objects("{\"name\": \"core\", \"size\": 1.50}", "{\"name\": \"edge\", \"size\": 1e3}"))
                .script("repository", KindScript.objects("""
                        {"id": "x", "title": "Zürich ✓", "owners": ["core", "edge"], "s": "a\\"b\\\\c\\u0001", "n": 1.50, "i": 1e3,
                         "b": false, "a": [3, 1.0, "z", null, {"k": [true]}], "o": {"z": 1, "a": {"y": null, "b": 2.50}},
                         "d": "2026-01-02T03:04:05.678Z", "u": "https://git.example.com/x?q=1#f",
                         "teams": ["edge", "core"], "lead": null}""",
                        """
                        {"id": "y", "title": null, "owners": [], "s": "", "n": -0.0, "i": 12345678901234567890, "b": true,
                         "a": [], "o": {}, "d": "2026-01-02T03:04:05Z", "teams": [], "lead": "core"}"""));
    }

    private void assertSecondResyncWritesNothing(SyncHarness sync, String merge) {
        SyncReport first = sync.resync(MAPPING.formatted(merge));
        assertThat(first.kinds()).extracting(KindReport::ingestFailedCount).containsExactly(0L, 0L);
        assertThat(first.kinds().get(1).ingestErrors()).isEmpty();
        Instant x = sync.get("rich", "x").updatedAt();
        Instant edge = sync.get("team", "edge").updatedAt();
        int audit = sync.integrationAudit().size();

        SyncReport second = sync.resync(MAPPING.formatted(merge));

        assertThat(second.kinds()).extracting(KindReport::ingestedCount).containsExactly(0L, 0L);
        assertThat(second.kinds()).extracting(KindReport::notChangedCount).containsExactly(2L, 2L);
        assertThat(sync.integrationAudit()).hasSize(audit);
        assertThat(sync.get("rich", "x").updatedAt()).isEqualTo(x);
        assertThat(sync.get("team", "edge").updatedAt()).isEqualTo(edge);
    }

    @SyncTest
    void writesNothingTheSecondTimeWithEnableMergeEntity(SyncHarness sync) {
        assertSecondResyncWritesNothing(withRichSource(sync), "true");
        Entity x = sync.get("rich", "x");
        assertThat(x.title()).isEqualTo("Zürich ✓");
        assertThat(x.team()).containsExactly("core", "edge");
        assertThat(x.relations().path("teams").size()).isEqualTo(2);
    }

    @SyncTest
    void writesNothingTheSecondTimeWithoutEnableMergeEntity(SyncHarness sync) {
        assertSecondResyncWritesNothing(withRichSource(sync), "false");
    }

    @SyncTest
    void writesNothingTheSecondTimeWhenMergingIntoFieldsSetByTheApi(SyncHarness sync) {
        withRichSource(sync);
        sync.writeByApi("rich", "{\"identifier\": \"x\", \"properties\": {\"byApi\": 2.50e1, \"n\": 7}}");

        assertSecondResyncWritesNothing(sync, "true");
        assertThat(sync.get("rich", "x").properties().path("byApi").asDouble()).isEqualTo(25.0);
    }
}
