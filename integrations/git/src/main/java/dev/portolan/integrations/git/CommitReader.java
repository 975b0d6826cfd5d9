package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code commit} kind: the {@code commitDepth} most recent commits of the branch, newest first,
 * in GitHub's commit shape ({@code sha}, {@code commit.message}, {@code commit.author}, {@code parents},
 * {@code stats}, {@code files}) with {@code __repository}. Files and line counts compare with the
 * first parent, renames detected; at most {@link #MAX_FILES} files are listed (all are counted).
 */
final class CommitReader implements KindReader {

    static final int MAX_FILES = 300;

    @Override
    public void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException {
        if (repository.head() == null || request.commitDepth() == 0) return;
        ObjectNode summary = RawObjects.repositorySummary(repository);
        try (RevWalk walk = new RevWalk(repository.repository());
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository.repository());
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            walk.markStart(walk.parseCommit(repository.head()));
            int read = 0;
            for (RevCommit commit : walk) {
                sink.accept(commit(commit, walk, diff, summary));
                commit.disposeBody();
                if (++read >= request.commitDepth()) break;
            }
        }
    }

    private static ObjectNode commit(RevCommit commit, RevWalk walk, DiffFormatter diff, ObjectNode repository) throws IOException {
        ObjectNode object = Json.object().put("sha", commit.name());
        ObjectNode inner = object.putObject("commit").put("message", commit.getFullMessage().strip());
        inner.set("author", RawObjects.person(commit.getAuthorIdent()));
        inner.set("committer", RawObjects.person(commit.getCommitterIdent()));
        object.set("author", login(commit.getAuthorIdent()));
        object.set("committer", login(commit.getCommitterIdent()));
        ArrayNode parents = object.putArray("parents");
        for (RevCommit parent : commit.getParents()) parents.addObject().put("sha", parent.name());
        RevCommit first = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)) : null;
        List<DiffEntry> entries = diff.scan(first == null ? null : first.getTree(), commit.getTree());
        long additions = 0;
        long deletions = 0;
        ArrayNode files = object.putArray("files");
        for (DiffEntry entry : entries) {
            long added = 0;
            long deleted = 0;
            for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                added += edit.getLengthB();
                deleted += edit.getLengthA();
            }
            additions += added;
            deletions += deleted;
            if (files.size() < MAX_FILES) {
                ObjectNode file = files.addObject()
                        .put("filename", entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath())
                        .put("status", status(entry.getChangeType())).put("additions", added).put("deletions", deleted);
                if (entry.getChangeType() == DiffEntry.ChangeType.RENAME) file.put("previous_filename", entry.getOldPath());
            }
        }
        object.putObject("stats").put("additions", additions).put("deletions", deletions).put("total", additions + deletions)
                .put("files", entries.size());
        object.set("__repository", repository);
        return object;
    }

    private static ObjectNode login(PersonIdent ident) {
        return Json.object().put("login", RawObjects.login(ident.getName(), ident.getEmailAddress()));
    }

    /** GitHub's words for a change. */
    private static String status(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> "added";
            case DELETE -> "removed";
            case MODIFY -> "modified";
            case RENAME -> "renamed";
            case COPY -> "copied";
        };
    }

}
