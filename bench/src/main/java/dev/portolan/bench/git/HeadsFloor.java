package dev.portolan.bench.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The least a no-change resync of these repositories does: resolve each repository's head once per
 * resource of the mapping (each resource's fetch checks the head before it streams its cache), with
 * JGit alone — no scan, no cache file, no mapping, no catalog. A floor measured in the same run as
 * the resync, so their ratio holds when the machine is busy. Best of three.
 */
final class HeadsFloor {

    private HeadsFloor() {}

    /** Wall and CPU seconds of resolving every repository's head {@code resources} times. */
    static double[] measure(List<Path> repositories, int resources) throws IOException {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long cpuStart = GitBenchmark.processCpuNanos();
            for (int r = 0; r < resources; r++) {
                for (Path folder : repositories) {
                    try (Repository repository = RepositoryCache.open(RepositoryCache.FileKey.exact(folder.toFile(), FS.DETECTED), true)) {
                        if (repository.exactRef(Constants.HEAD) == null) throw new IllegalStateException(folder + " has no HEAD");
                    }
                }
            }
            best[0] = Math.min(best[0], (System.nanoTime() - start) / 1e9);
            best[1] = Math.min(best[1], (GitBenchmark.processCpuNanos() - cpuStart) / 1e9);
        }
        return best;
    }
}
