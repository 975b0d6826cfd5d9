package dev.portolan.sync.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folders local sources may be read from ({@code file:} URLs of the custom integration, the Git
 * integration's local repositories and scan roots); any other path, whatever the server process
 * could read, is refused. A path is judged where it really leads ({@code ..} resolved, symbolic
 * links followed), so neither can step outside. Immutable and thread-safe.
 */
public final class FileFolders {

    private final List<Path> folders;

    private FileFolders(List<Path> folders) {
        this.folders = folders;
    }

    /** The given folders (each with everything under it); none means no file may be read. */
    public static FileFolders of(Collection<Path> folders) {
        return new FileFolders(folders.stream().map(FileFolders::real).distinct().toList());
    }

    public List<Path> folders() {
        return folders;
    }

    /** These folders and {@code more}. */
    public FileFolders with(Collection<Path> more) {
        List<Path> all = new java.util.ArrayList<>(folders);
        all.addAll(more);
        return of(all);
    }

    /** Why {@code file} (a file or a folder) may not be read, or null when it lies in an allowed folder. */
    public String problem(Path file) {
        Path real = real(file);
        for (Path folder : folders) if (real.startsWith(folder)) return null;
        return "'" + file + "' is outside the folders files may be read from ("
                + (folders.isEmpty() ? "none" : folders.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
                + "); move it into one, or start Portolan with its folder named (--file-folder or PORTOLAN_FILE_FOLDERS)";
    }

    /** Where {@code path} really leads: absolute, normalized, and through symbolic links as far as it exists. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
