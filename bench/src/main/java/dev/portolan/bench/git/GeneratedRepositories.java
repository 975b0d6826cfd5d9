package dev.portolan.bench.git;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare repositories written straight into one pack (no working tree, no porcelain), so a benchmark
 * can make 100,000 or 1,000,000 commits in seconds. The tree at the head has {@code files} files
 * under {@code src/} (10 modules × 10 packages × N files, in four languages taking turns, so a
 * quarter of them are Go files even in a repository of 10 files) plus a README,
 * LICENSE and CODEOWNERS; each commit after the first changes {@code hot/counter.txt}, by one of
 * 40 authors, one minute after the previous. Old trees are tiny: what a resync reads of history is
 * the commits, and the head tree.
 */
final class GeneratedRepositories {

    private static final String[] EXTENSIONS = {".java", ".py", ".go", ".ts"};
    private static final int AUTHORS = 40;

    private GeneratedRepositories() {}

    /** A bare repository at {@code folder} with {@code commits} commits and {@code files} files at the head. */
    static void create(Path folder, int commits, int files) throws IOException {
        Files.createDirectories(folder);
        try (Repository repository = new FileRepositoryBuilder().setGitDir(folder.toFile()).setBare().build()) {
            repository.create(true);
            ObjectId head;
            try (PackInserter inserter = ((FileRepository) repository).getObjectDatabase().newPackInserter()) {
                inserter.checkExisting(false);
                inserter.setCompressionLevel(1);
                head = write(inserter, folder.getFileName().toString(), commits, files);
                inserter.flush();
            }
            RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(head);
            update.setForceUpdate(true);
            update.update();
            repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
        }
    }

    private static ObjectId write(ObjectInserter inserter, String name, int commits, int files) throws IOException {
        ObjectId src = sources(inserter, files);
        ObjectId readme = blob(inserter, "# " + name + "\n\nA generated repository: " + files + " files, " + commits + " commits.\n");
        ObjectId license = blob(inserter, "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n");
        TreeFormatter github = new TreeFormatter();
        github.append("CODEOWNERS", FileMode.REGULAR_FILE, blob(inserter, "*  @acme/platform\n/src/  @acme/core\n"));
        ObjectId githubTree = inserter.insert(github);
        ObjectId parent = null;
        Instant when = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < commits; i++) {
            TreeFormatter hot = new TreeFormatter();
            hot.append("counter.txt", FileMode.REGULAR_FILE, blob(inserter, Integer.toString(i)));
            TreeFormatter root = new TreeFormatter();
            root.append(".github", FileMode.TREE, githubTree);
            root.append("LICENSE", FileMode.REGULAR_FILE, license);
            root.append("README.md", FileMode.REGULAR_FILE, readme);
            root.append("hot", FileMode.TREE, inserter.insert(hot));
            root.append("src", FileMode.TREE, src);
            PersonIdent author = new PersonIdent("Author " + (i % AUTHORS), "author" + (i % AUTHORS) + "@example.com", when, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(root));
            if (parent != null) commit.setParentId(parent);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(i == 0 ? "Initial commit\n" : "Count to " + i + "\n\nOne more.\n");
            parent = inserter.insert(commit);
            when = when.plusSeconds(60);
        }
        return parent;
    }

    /** {@code src/}: 10 modules × 10 packages, the files spread over them. */
    private static ObjectId sources(ObjectInserter inserter, int files) throws IOException {
        int perPackage = Math.max(1, (files + 99) / 100);
        int written = 0;
        TreeFormatter src = new TreeFormatter();
        for (int m = 0; m < 10; m++) {
            TreeFormatter module = new TreeFormatter();
            boolean any = false;
            for (int p = 0; p < 10; p++) {
                List<String> names = new ArrayList<>();
                for (int f = 0; f < perPackage && written < files; f++, written++) names.add(String.format("F%05d", f) + EXTENSIONS[written % 4]);
                if (names.isEmpty()) continue;
                names.sort(null);
                TreeFormatter pkg = new TreeFormatter();
                for (String file : names) {
                    pkg.append(file, FileMode.REGULAR_FILE, blob(inserter, "// " + m + "/" + p + "/" + file + "\nfunction body() { return " + written + "; }\n"));
                }
                module.append(String.format("pkg%02d", p), FileMode.TREE, inserter.insert(pkg));
                any = true;
            }
            if (any) src.append(String.format("mod%02d", m), FileMode.TREE, inserter.insert(module));
        }
        return inserter.insert(src);
    }

    private static ObjectId blob(ObjectInserter inserter, String content) throws IOException {
        return inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
    }
}
