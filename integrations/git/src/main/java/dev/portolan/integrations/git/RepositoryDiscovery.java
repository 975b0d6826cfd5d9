package dev.portolan.integrations.git;

import dev.portolan.sync.spi.FetchException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repositories an installation reads: those listed in {@code repositories}, then those found
 * below each scan root (a working tree with {@code .git}, or a bare repository), in a stable order.
 * A repository found twice is read once. Search does not descend into a repository it found.
 */
final class RepositoryDiscovery {

    private RepositoryDiscovery() {}

    static List<RepositoryLocation> discover(List<String> repositories, List<String> scanRoots, int depth) throws FetchException {
        Map<String, RepositoryLocation> found = new LinkedHashMap<>();
        for (String given : repositories) {
            RepositoryLocation location = RepositoryLocation.configured(given);
            found.putIfAbsent(location.location(), location);
        }
        for (String given : scanRoots) {
            Path root = Path.of(given).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new FetchException("scan root " + root + " is not a folder; fix settings.scanRoots", false);
            }
            List<Path> repositories1 = new ArrayList<>();
            scan(root, depth, repositories1);
            for (Path folder : repositories1) {
                RepositoryLocation location = RepositoryLocation.found(root, folder);
                found.putIfAbsent(location.location(), location);
            }
        }
        return List.copyOf(found.values());
    }

    private static void scan(Path folder, int depth, List<Path> out) throws FetchException {
        if (isRepository(folder)) {
            out.add(folder);
            return;
        }
        if (depth == 0) return;
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw new FetchException("cannot list " + folder + " while scanning for repositories: " + e.getMessage(), true, e);
        }
        children.sort(null);
        for (Path child : children) {
            if (!child.getFileName().toString().startsWith(".") || child.getFileName().toString().endsWith(".git")) {
                scan(child, depth - 1, out);
            }
        }
    }

    /** A working tree ({@code .git} folder or file) or a bare repository (HEAD, objects and refs). */
    static boolean isRepository(Path folder) {
        return Files.exists(folder.resolve(".git"))
                || (Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"))
                && Files.isDirectory(folder.resolve("refs")));
    }
}
