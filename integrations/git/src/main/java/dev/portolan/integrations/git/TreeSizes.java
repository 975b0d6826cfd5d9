package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The size of a repository's files at its head, in all and per language. Kept in the state folder
 * with the tree it was measured at: the same tree costs nothing, another one is measured from the
 * files that differ (what the new commits touched), and the first time every file is measured.
 */
record TreeSizes(long size, Languages languages) {

    private static final String STATE_FILE = "tree-sizes.json";

    static TreeSizes read(OpenedRepository repository, HeadTree tree) throws IOException {
        Path file = repository.stateFolder().resolve(STATE_FILE);
        JsonNode saved = StateFile.read(file);
        String savedTree = saved == null ? null : saved.path("tree").asText(null);
        TreeSizes sizes;
        if (savedTree != null && savedTree.equals(tree.id().name())) {
            return fromJson(saved);
        } else if (savedTree != null && ObjectId.isId(savedTree) && tree.has(ObjectId.fromString(savedTree))) {
            TreeSizes before = fromJson(saved);
            long[] size = {before.size()};
            tree.diff(ObjectId.fromString(savedTree), (path, old, now) -> {
                if (old != null) {
                    long bytes = tree.size(old);
                    size[0] -= bytes;
                    before.languages().remove(path, bytes);
                }
                if (now != null) {
                    long bytes = tree.size(now);
                    size[0] += bytes;
                    before.languages().add(path, bytes);
                }
            });
            sizes = new TreeSizes(size[0], before.languages());
        } else {
            Languages languages = new Languages();
            long[] size = {0};
            tree.walk(false, (path, folder, id) -> {
                long bytes = tree.size(id);
                size[0] += bytes;
                languages.add(path, bytes);
            });
            sizes = new TreeSizes(size[0], languages);
        }
        save(file, tree.id().name(), sizes);
        return sizes;
    }

    private static TreeSizes fromJson(JsonNode json) {
        Map<String, Long> bytes = new HashMap<>();
        json.path("bytes").properties().forEach(e -> bytes.put(e.getKey(), e.getValue().asLong()));
        return new TreeSizes(json.path("size").asLong(), Languages.of(bytes));
    }

    private static void save(Path file, String tree, TreeSizes sizes) throws IOException {
        ObjectNode json = Json.object().put("tree", tree).put("size", sizes.size());
        ObjectNode bytes = json.putObject("bytes");
        sizes.languages().bytes().forEach(bytes::put);
        StateFile.write(file, json);
    }
}
