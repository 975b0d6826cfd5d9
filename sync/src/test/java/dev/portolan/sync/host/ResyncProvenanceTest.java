package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resync leaves behind to look back at: the first raw objects of each resource (samples),
 * which resync and resource made each change (the audit log), and so an entity's provenance.
 */
class ResyncProvenanceTest {

    private static final String ID = SyncHarness.INTEGRATION;

    /** Repositories become services twice: once as is, once (second resource, same kind) as "-copy" services. */
    private static final String TWICE = """
            entityDeletionThreshold: 1
            resources:
              - kind: repository
                selector: {query: '.stars > 0'}
                port: {entity: {mappings: {identifier: .name, title: .name, blueprint: '"service"', properties: {url: .url, stars: .stars}}}}
              - kind: team
                port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
              - kind: repository
                port: {entity: {mappings: {identifier: .name + "-copy", blueprint: '"service"', properties: {stars: .stars}}}}
            """;

    private static SyncReport resync(SyncHarness sync) throws Exception {
        sync.clock().advance(Duration.ofSeconds(1));
        return sync.launcher().start(ID, "manual").done().get(60, TimeUnit.SECONDS);
    }

    private static SyncHarness installed(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, TWICE, 0);
        sync.script("team", KindScript.objects("{\"name\": \"core\"}"));
        return sync;
    }

    @SyncTest
    void keepsTheFirstTenRawObjectsOfEachResourceWithTheEntitiesTheyMade(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(4, repos("r", 25)));

        SyncReport report = resync(sync);

        List<SyncSample> samples = sync.installations().samples(ID, null, null);
        assertThat(samples).allSatisfy(s -> assertThat(s.resyncId()).isEqualTo(report.resyncId()));
        assertThat(samples).extracting(SyncSample::resourceIndex).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        List<SyncSample> copies = sync.installations().samples(ID, report.resyncId(), 2);
        assertThat(copies).extracting(SyncSample::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(copies.get(3).object()).isEqualTo(repo("r3"));
        assertThat(copies.get(3).kind()).isEqualTo("repository");
        assertThat(copies.get(3).entities()).containsExactly(new EntityKey("service", "r3-copy"));
    }

    @SyncTest
    void aSampleFilteredOutKeepsItsObjectAndNamesNoEntity(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, List.of(repo("kept", 2), repo("dropped", 0))));

        resync(sync);

        List<SyncSample> first = sync.installations().samples(ID, null, 0);
        assertThat(first).extracting(s -> s.object().path("name").asText()).containsExactly("kept", "dropped");
        assertThat(first.get(1).entities()).isEmpty();
    }

    @SyncTest
    void anObjectOverTheSampleLimitIsNotedInsteadOfKept(SyncHarness sync) throws Exception {
        ObjectNode huge = repo("huge", 1);
        huge.put("readme", "x".repeat(SyncSample.MAX_OBJECT_CHARS));
        installed(sync).script("repository", pages(10, List.of(huge, repo("small", 1))));

        resync(sync);

        List<SyncSample> first = sync.installations().samples(ID, null, 0);
        assertThat(first.get(0).object()).isNull();
        assertThat(first.get(0).omitted()).contains("over the sample limit");
        assertThat(first.get(0).entities()).containsExactly(new EntityKey("service", "huge"));
        assertThat(first.get(1).object()).isEqualTo(repo("small", 1));
    }

    @SyncTest
    void keepsOnlyTheSamplesOfTheLatestResyncs(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, repos("r", 2)));
        List<String> resyncs = new ArrayList<>();
        for (int i = 0; i < InstallationRepository.KEPT_SAMPLED_RESYNCS + 2; i++) resyncs.add(resync(sync).resyncId());

        for (int i = 0; i < resyncs.size(); i++) {
            boolean kept = i >= resyncs.size() - InstallationRepository.KEPT_SAMPLED_RESYNCS;
            assertThat(sync.installations().samples(ID, resyncs.get(i), null)).as("resync %d", i).hasSize(kept ? 5 : 0);
        }
        assertThat(sync.installations().samples(ID, null, null)).allSatisfy(s -> assertThat(s.resyncId()).isEqualTo(resyncs.getLast()));
    }

    @SyncTest
    void theAuditLogSaysWhichResyncAndResourceMadeEachChange(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, List.of(repo("a", 1), repo("b", 1))));
        SyncReport first = resync(sync);
        sync.script("repository", pages(10, List.of(repo("a", 5))));

        SyncReport second = resync(sync);

        List<AuditRecord> changes = sync.catalog().audit(AuditQuery.ofResync(second.resyncId(), null, null, 100, null));
        assertThat(changes).extracting(r -> r.action() + " " + r.identifier() + " " + r.resync().kindIdentifier())
                .containsExactlyInAnyOrder("UPDATE a repository-0", "UPDATE a-copy repository-2",
                        "DELETE b null", "DELETE b-copy null");
        AuditRecord update = changes.stream().filter(r -> r.identifier().equals("a")).findFirst().orElseThrow();
        assertThat(update.changedFields()).containsExactly("properties.stars");
        assertThat(update.resync()).isEqualTo(ResyncOrigin.resource(second.resyncId(), "repository", 0));
        assertThat(sync.catalog().audit(AuditQuery.ofResync(first.resyncId(), AuditAction.CREATE, "team", 100, null)))
                .extracting(AuditRecord::identifier).containsExactly("core");
        assertThat(second.kinds().getFirst().toJson().path("ingest").path("updated").asLong()).isEqualTo(1);
        assertThat(first.kinds().getFirst().toJson().path("ingest").path("created").asLong()).isEqualTo(2);
    }

    @SyncTest
    void theChangesOfAResyncArePagedNewestFirst(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, repos("r", 7)));
        String resync = resync(sync).resyncId();

        List<String> seen = new ArrayList<>();
        String before = null;
        do {
            List<AuditRecord> page = sync.catalog().audit(AuditQuery.ofResync(resync, AuditAction.CREATE, "service", 4, before));
            page.forEach(r -> seen.add(r.identifier()));
            before = page.size() < 4 ? null : page.getLast().id();
        } while (before != null);

        assertThat(seen).hasSize(14).doesNotHaveDuplicates();
    }

    @SyncTest
    void anEntitysProvenanceNamesItsResyncResourceAndRawObject(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, List.of(repo("a", 1), repo("b", 1))));
        SyncReport report = resync(sync);
        ProvenanceLookup lookup = new ProvenanceLookup(sync.catalog(), sync.installations());

        Provenance provenance = lookup.of(sync.get("service", "b-copy")).orElseThrow();

        assertThat(provenance.integration()).isEqualTo(ID);
        assertThat(provenance.lastWrite()).isEqualTo(ResyncOrigin.resource(report.resyncId(), "repository", 2));
        assertThat(provenance.sample().resourceIndex()).isEqualTo(2);
        assertThat(provenance.sample().object()).isEqualTo(repo("b", 1));
        assertThat(lookup.of(sync.writeByApi("team", "{\"identifier\": \"api-made\"}"))).isEmpty();
    }

    @SyncTest
    void theMappingTestShowsTheBlueprintRuleAnEntityBreaksAndWritesNothing(SyncHarness sync) {
        installed(sync);
        MappingTester tester = new MappingTester(sync.manager(), sync.catalog(), PortolanJqEngine.INSTANCE);
        JsonNode bad = Json.parse("{\"name\": \"bad\", \"url\": \"not a url\", \"stars\": 3}");

        ObjectNode result = tester.test(ID, null, "repository", List.of(bad, repo("fine", 0)));

        JsonNode first = result.path("resources").get(0).path("objects");
        assertThat(first.get(0).path("entities").get(0).path("rejected").path("violations").get(0).path("path").asText())
                .isEqualTo("properties.url");
        assertThat(first.get(1).path("filteredOut").asBoolean()).isTrue();
        JsonNode copy = result.path("resources").get(1).path("objects").get(1).path("entities").get(0);
        assertThat(copy.has("rejected")).isFalse();
        assertThat(sync.entity("service", "bad")).isEmpty();
    }

    @SyncTest
    void followingTheSyncStatusEndsWithTheFinishedReport(SyncHarness sync) throws Exception {
        installed(sync).script("repository", pages(10, repos("r", 3)));
        SyncStatusFeed feed = new SyncStatusFeed(sync.launcher(), sync.installations());
        assertThat(feed.current(ID)).isNull();
        ResyncLauncher.Started started = sync.launcher().start(ID, "manual");
        List<String> states = new ArrayList<>();

        feed.follow(ID, report -> states.add(report.path("state").asText()));

        assertThat(states.getLast()).isEqualTo(SyncState.COMPLETED.wire());
        assertThat(started.done().get(60, TimeUnit.SECONDS).state()).isEqualTo(SyncState.COMPLETED);
        assertThat(feed.current(ID).path("resyncId").asText()).isEqualTo(started.resyncId());
    }
}
