package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/** A monorepo: services described by nested port.yml files, and services as folders. */
class FilesAndFoldersTest {

    private static final String PORT_YML_MAPPING = """
            resources:
              - kind: file
                selector:
                  query: 'true'
                  files: ['**/port.yml']
                port:
                  itemsToParse: '.content | if type == "array" then . else [.] end'
                  entity:
                    mappings:
                      identifier: .item.identifier
                      title: .item.title
                      blueprint: '"service"'
                      team: '[.item.team]'
                      properties:
                        url: '.__repository.url + "/" + .folder'
                        readme: .item.description
            """;

    private static final String FOLDER_MAPPING = """
            resources:
              - kind: folder
                selector:
                  query: 'true'
                  folders: ['services/*']
                  includedFiles: ['package.json']
                port:
                  entity:
                    mappings:
                      identifier: '.__repository.name + "-" + .name'
                      title: .name
                      blueprint: '"service"'
                      properties:
                        readme: .readme
                        language: '.__includedFiles["package.json"] | if . then "JavaScript" else null end'
            """;

    @TempDir
    Path temp;

    private TestRepository monorepo() {
        TestRepository repo = TestRepository.init(temp.resolve("mono"));
        repo.write("port.yml", "identifier: platform\ntitle: Platform\nteam: core\n")
                .write("services/cart/port.yml", "identifier: cart\ntitle: Cart\nteam: shop\ndescription: The cart\n")
                .write("services/cart/README.md", "# Cart\n")
                .write("services/cart/package.json", "{\"name\": \"cart\"}")
                .write("services/search/port.yml", "- identifier: search\n  title: Search\n  team: find\n- identifier: index\n  title: Index\n  team: find\n")
                .write("services/search/main.go", "package main\n")
                .write("tools/port.yaml", "identifier: not-matched\n")
                .commit("Monorepo", ADA);
        return repo;
    }

    @SyncTest
    void servicesComeFromEveryPortYmlOfAMonorepoAndAFileWithAListIsSplit(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository repo = monorepo();
        Settings settings = git.settings(GitSync.settingsFor(repo.folder()));

        SyncReport report = git.resync(settings, git.mapping(PORT_YML_MAPPING, settings));

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("platform", "cart", "search", "index");
        assertThat(harness.get("service", "cart").team()).containsExactly("shop");
        assertThat(harness.get("service", "cart").properties().path("url").asText()).isEqualTo(repo.folder() + "/services/cart");
        assertThat(harness.get("service", "cart").properties().path("readme").asText()).isEqualTo("The cart");

        repo.delete("services/search/port.yml").commit("Search moves out", ADA);
        git.resync(settings, git.mapping(PORT_YML_MAPPING, settings));
        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("platform", "cart");
    }

    @SyncTest
    void foldersOfAMonorepoBecomeServicesWithTheirReadmeAndIncludedFiles(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository repo = monorepo();
        Settings settings = git.settings(GitSync.settingsFor(repo.folder()));

        git.resync(settings, git.mapping(FOLDER_MAPPING, settings));

        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("mono-cart", "mono-search");
        JsonNode cart = harness.get("service", "mono-cart").properties();
        assertThat(cart.path("readme").asText()).isEqualTo("# Cart\n");
        assertThat(cart.path("language").asText()).isEqualTo("JavaScript");
        assertThat(harness.get("service", "mono-search").properties().path("language").asText(null)).isNull();
    }

    @SyncTest
    void theDefaultMappingsCommentedExamplesForFilesAndFoldersWorkOnceUncommented(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository repo = monorepo();
        Settings settings = git.settings(GitSync.settingsFor(repo.folder()));
        String uncommented = git.integration.defaults().mappingYaml().lines()
                .map(line -> line.startsWith("#  ") ? line.substring(1) : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(uncommented).contains("  - kind: file", "  - kind: folder");

        SyncReport report = git.resync(settings, git.mapping(uncommented, settings));

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(harness.identifiers("service"))
                .containsExactlyInAnyOrder("mono", "platform", "cart", "search", "index", "mono-cart", "mono-search");
        assertThat(harness.get("service", "search").team()).containsExactly("find");
        assertThat(harness.get("service", "mono-cart").properties().path("readme").asText()).isEqualTo("# Cart\n");
        assertThat(harness.get("service", "mono-cart").properties().path("url").asText()).isEqualTo(repo.folder() + "/services/cart");
    }
}
