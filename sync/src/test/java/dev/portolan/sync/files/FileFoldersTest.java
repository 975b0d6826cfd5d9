package dev.portolan.sync.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What lies in the allowed folders: judged where a path really leads. */
class FileFoldersTest {

    @TempDir
    Path temp;

    @Test
    void aPathInsideAnAllowedFolderIsAllowedEvenWhenItDoesNotExistYet() throws Exception {
        Path allowed = Files.createDirectory(temp.resolve("allowed"));
        FileFolders folders = FileFolders.of(List.of(allowed));

        assertThat(folders.problem(allowed.resolve("repos/api"))).isNull();
        assertThat(folders.problem(allowed)).isNull();
    }

    @Test
    void aPathLeavingThroughDotDotOrASymbolicLinkIsRefusedNamingTheAllowedFolders() throws Exception {
        Path allowed = Files.createDirectory(temp.resolve("allowed"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.createSymbolicLink(allowed.resolve("link"), outside);
        FileFolders folders = FileFolders.of(List.of(allowed));

        assertThat(folders.problem(allowed.resolve("../outside/repo"))).contains("is outside the folders", allowed.toRealPath().toString());
        assertThat(folders.problem(allowed.resolve("link/repo"))).contains("is outside the folders");
        assertThat(folders.problem(temp.resolve("allowed-not"))).as("a sibling whose name starts alike").isNotNull();
    }

    @Test
    void withAddsFoldersAndKeepsTheOthers() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path repository = Files.createDirectory(temp.resolve("repository"));
        FileFolders folders = FileFolders.of(List.of(data));

        FileFolders more = folders.with(List.of(repository));

        assertThat(more.problem(repository.resolve("README.md"))).isNull();
        assertThat(more.problem(data.resolve("x"))).isNull();
        assertThat(folders.problem(repository.resolve("README.md"))).as("the original is unchanged").isNotNull();
        assertThat(FileFolders.of(List.of()).problem(data)).contains("(none)", "--file-folder");
    }
}
