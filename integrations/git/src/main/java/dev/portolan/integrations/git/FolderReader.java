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
 * The {@code folder} kind: folders matching {@code selector.folders} globs at the head (monorepo
 * services), each with its README and the contents of {@code selector.includedFiles} (paths
 * relative to the folder) under {@code __includedFiles}, and {@code __repository}.
 */
final class FolderReader implements KindReader {

    @Override
    public void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException {
        List<String> globs = request.strings("folders");
        if (globs.isEmpty()) return;
        Predicate<String> matches = PathGlob.anyOf(globs);
        List<String> included = request.strings("includedFiles");
        ObjectNode summary = RawObjects.repositorySummary(repository);
        Optional<HeadTree> opened = HeadTree.of(repository);
        if (opened.isEmpty()) return;
        try (HeadTree tree = opened.get()) {
            tree.walk(true, (path, folder, id) -> {
                if (!folder || !matches.test(path)) return;
                ObjectNode object = Json.object().put("path", path).put("name", path.substring(path.lastIndexOf('/') + 1));
                Optional<String> readme = tree.find(path, "README.md", "README", "README.markdown", "README.rst", "README.txt");
                object.put("readme", readme.isPresent() ? tree.text(readme.get()).orElse(null) : null);
                ObjectNode files = object.putObject("__includedFiles");
                for (String file : included) files.put(file, tree.text(path + "/" + file).orElse(null));
                object.set("__repository", summary);
                sink.accept(object);
            });
        }
    }
}
