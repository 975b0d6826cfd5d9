package dev.portolan.integrations.custom;

import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static dev.portolan.integrations.custom.Kinds.allPages;
import static dev.portolan.integrations.custom.Kinds.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilePageFetcherTest {

    @TempDir
    Path dir;

    private final CustomIntegration integration = Kinds.integration(new Kinds.RecordingSleeper());

    private List<Page> read(Path file, String extra) throws FetchException {
        return allPages(Kinds.fetcher(integration, Kinds.settings("row", "{'url': '" + file.toUri() + "'" + extra + "}"), "row"));
    }

    private static List<String> ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "id-" + i).toList();
    }

    @Test
    void readsAJsonArrayFile() throws Exception {
        Path file = Files.writeString(dir.resolve("services.json"), "\n  [ {\"id\": \"a\"},\n {\"id\": \"b\", \"tags\": [1, {\"x\": \"]\"}]} ]\n");

        assertThat(field(read(file, ""), "id")).containsExactly("a", "b");
    }

    @Test
    void readsALargeJsonLinesFileInPagesOfAThousand() throws Exception {
        Path file = dir.resolve("export.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (String id : ids(2500)) out.write("{\"id\": \"" + id + "\", \"name\": \"caf\u00e9 " + id + "\"}\n");
        }

        List<Page> pages = read(file, "");

        assertThat(pages).extracting(page -> page.objects().size()).containsExactly(1000, 1000, 500);
        assertThat(field(pages, "id")).containsExactlyElementsOf(ids(2500));
        assertThat(pages.getLast().objects().getLast().path("name").asText()).isEqualTo("caf\u00e9 id-2500");
    }

    @Test
    void readsALargeJsonArrayFileInPagesOfAThousand() throws Exception {
        Path file = dir.resolve("export.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("[");
            List<String> ids = ids(2001);
            for (int i = 0; i < ids.size(); i++) out.write((i == 0 ? "" : ",\n") + "{\"id\": \"" + ids.get(i) + "\", \"nested\": {\"list\": [1, 2]}}");
            out.write("]");
        }

        List<Page> pages = read(file, "");

        assertThat(pages).extracting(page -> page.objects().size()).containsExactly(1000, 1000, 1);
        assertThat(field(pages, "id")).containsExactlyElementsOf(ids(2001));
    }

    @Test
    void resumesAJsonLinesPageAtItsCursor() throws Exception {
        Path file = Files.writeString(dir.resolve("small.jsonl"), "{\"id\": 1}\n\n{\"id\": 2}\n{\"id\": 3}\n");
        CustomKind kind = CustomKind.from("row", Kinds.settings("row", "{'url': '" + file.toUri() + "'}").json("kinds").get("row"));

        Page first = new FilePageFetcher(kind, 2, Kinds.TEMP_FILES).fetch(null);
        Page second = new FilePageFetcher(kind, 2, Kinds.TEMP_FILES).fetch(first.nextCursor());

        assertThat(field(List.of(first), "id")).containsExactly("1", "2");
        assertThat(field(List.of(second), "id")).containsExactly("3");
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void readsTheArrayAtItemsPathFromAFileHoldingOneDocument() throws Exception {
        Path file = Files.writeString(dir.resolve("doc.json"), "{\"meta\": {}, \"services\": [{\"id\": \"x\"}, {\"id\": \"y\"}]}");

        assertThat(field(read(file, ", 'itemsPath': '.services'"), "id")).containsExactly("x", "y");
    }

    @Test
    void saysWhichLineOfAJsonLinesFileIsNotJson() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": 1}\n{\"id\": oops}\n");

        FetchException failure = catchThrowableOfType(FetchException.class, () -> read(file, ""));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains("line at byte 10", file.toString(), "not valid JSON");
    }

    @Test
    void saysWhenAJsonArrayFileIsNotValidJson() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "[{\"id\": 1}, {\"id\": }]");

        FetchException failure = catchThrowableOfType(FetchException.class, () -> read(file, ""));

        assertThat(failure.getMessage()).contains(file.toString(), "not valid JSON", "line 1");
    }

    @Test
    void failsForGoodWhenTheFileDoesNotExist() {
        Path file = dir.resolve("missing.json");

        FetchException failure = catchThrowableOfType(FetchException.class, () -> read(file, ""));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.getMessage()).contains(file.toString(), "does not exist", "settings.kinds.row.url");
    }

    @Test
    void readsNothingFromAnEmptyFile() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(read(file, "")).singleElement().satisfies(page -> {
            assertThat(page.objects()).isEmpty();
            assertThat(page.isLast()).isTrue();
        });
    }
}
