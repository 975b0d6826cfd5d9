package dev.portolan.server.cli;

import dev.portolan.sync.files.FileFolders;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where {@code file:} sources may be read from: the same option and environment variable for every command. */
final class FileFolderOptions {

    @Option(names = "--file-folder", paramLabel = "DIR",
            description = "A folder whose files `file:` sources may read (repeatable; env PORTOLAN_FILE_FOLDERS, "
                    + "folders separated by ':', ';' on Windows). The data directory is always allowed.")
    List<Path> named = new ArrayList<>();

    /** The folders named here and in PORTOLAN_FILE_FOLDERS. */
    List<Path> folders() {
        List<Path> all = new ArrayList<>(named);
        String env = System.getenv("PORTOLAN_FILE_FOLDERS");
        if (env != null) {
            for (String folder : env.split(File.pathSeparator)) if (!folder.isBlank()) all.add(Path.of(folder.strip()));
        }
        return all;
    }

    /** These folders, plus {@code dataDirectory} when there is one. */
    FileFolders allowed(Path dataDirectory) {
        List<Path> all = new ArrayList<>(folders());
        if (dataDirectory != null) all.add(dataDirectory);
        return FileFolders.of(all);
    }
}
