package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.files.PathGlob;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code file} kind: the files matching {@code selector.files} globs at the head, each with its
 * content parsed by extension ({@link ContentParser}), its path and {@code __repository}. Without
 * {@code files}, nothing is read (a repository's every file is rarely what a catalog wants).
 */
final class FileReader implements KindReader {

    @Override
    public void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException {
        List<String> globs = request.strings("files");
        if (globs.isEmpty()) return;
        Predicate<String> matches = PathGlob.anyOf(globs);
        ObjectNode summary = RawObjects.repositorySummary(repository);
        Optional<HeadTree> opened = HeadTree.of(repository);
        if (opened.isEmpty()) return;
        try (HeadTree tree = opened.get()) {
            tree.walk(false, (path, folder, id) -> {
                if (!matches.test(path)) return;
                ObjectNode object = Json.object().put("path", path).put("name", path.substring(path.lastIndexOf('/') + 1))
                        .put("folder", path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "")
                        .put("size", tree.size(id));
                Optional<byte[]> bytes = tree.read(id);
                if (bytes.isPresent()) {
                    ContentParser.Parsed parsed = ContentParser.parse(path, bytes.get());
                    object.set("content", parsed.content());
                    if (parsed.error() != null) object.put("__parseError", parsed.error());
                } else {
                    object.putNull("content");
                    object.put("__parseError", path + " is larger than " + HeadTree.MAX_CONTENT + " bytes; not read");
                }
                object.set("__repository", summary);
                sink.accept(object);
            });
        }
    }
}
