package dev.portolan.integrations.custom;

import dev.portolan.sync.files.FileFolders;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code file:} sources are read only from the allowed folders, and their content is never quoted in errors. */
class FileFoldersTest {

    @TempDir
    Path dir;

    private Path allowed;
    private Path outside;
    private CustomIntegration integration;

    @BeforeEach
    void folders() throws Exception {
        allowed = Files.createDirectory(dir.resolve("allowed"));
        outside = Files.writeString(dir.resolve("secret.jsonl"), "root:x:0:0:root:/root:/bin/bash\n");
        integration = new CustomIntegration(CustomIntegration.httpClient(), Kinds.retries(new Kinds.RecordingSleeper()),
                FileFolders.of(List.of(allowed)));
    }

    private Settings unchecked(Path file) {
        return CustomSettings.DEFINITION.parse(Json.parse("{\"kinds\": {\"row\": {\"url\": \"" + file.toUri() + "\"}}}"));
    }

    private FetchException fetchFailure(Path file) {
        return catchThrowableOfType(FetchException.class, () -> Kinds.allPages(Kinds.fetcher(integration, unchecked(file), "row")));
    }

    @Test
    void refusesToSaveAFileUrlOutsideTheAllowedFolders() {
        CatalogException refused = catchThrowableOfType(CatalogException.class, () -> integration.settings()
                .parse(Json.parse("{\"kinds\": {\"row\": {\"url\": \"" + outside.toUri() + "\"}}}")));

        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("settings.kinds.row.url");
            assertThat(v.message()).contains("outside the folders files may be read from", allowed.toRealPath().toString());
        });
    }

    @Test
    void refusesToReadAFileOutsideTheAllowedFoldersAndQuotesNothingOfIt() {
        FetchException failure = fetchFailure(outside);

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("outside the folders files may be read from").doesNotContain("root:");
    }

    @Test
    void refusesAPathThatLeavesTheAllowedFolderThroughDotDotOrASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(allowed.resolve("link.jsonl"), outside);

        assertThat(fetchFailure(allowed.resolve("../secret.jsonl")).getMessage()).contains("outside the folders");
        assertThat(fetchFailure(link).getMessage()).contains("outside the folders");
    }

    @Test
    void readsAFileInsideAnAllowedFolder() throws Exception {
        Path file = Files.writeString(allowed.resolve("rows.jsonl"), "{\"id\": \"a\"}\n");

        assertThat(Kinds.field(Kinds.allPages(Kinds.fetcher(integration, integration.settings()
                .parse(Json.parse("{\"kinds\": {\"row\": {\"url\": \"" + file.toUri() + "\"}}}")), "row")), "id")).containsExactly("a");
    }

    @Test
    void aFileThatIsNotJsonIsReportedByWhereNotByWhatItHolds() throws Exception {
        Path lines = Files.writeString(allowed.resolve("lines.jsonl"), "root:x:0:0:root:/root:/bin/bash\n");
        Path array = Files.writeString(allowed.resolve("array.json"), "[{\"id\": 1}, hunter2]");
        Path document = Files.writeString(allowed.resolve("doc.json"), "{\"items\": [tops3cret]}");

        assertThat(fetchFailure(lines).getMessage()).contains("not valid JSON", "line 1").doesNotContain("root");
        assertThat(fetchFailure(array).getMessage()).contains("not valid JSON").doesNotContain("hunter2");
        assertThat(catchThrowableOfType(FetchException.class, () -> Kinds.allPages(Kinds.fetcher(integration,
                CustomSettings.DEFINITION.parse(Json.parse("{\"kinds\": {\"row\": {\"url\": \"" + document.toUri()
                        + "\", \"itemsPath\": \".items\"}}}")), "row"))).getMessage())
                .contains("not valid JSON").doesNotContain("tops3cret");
    }
}
