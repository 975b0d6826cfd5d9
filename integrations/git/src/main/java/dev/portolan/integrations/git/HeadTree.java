package dev.portolan.integrations.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The files of a repository at its head: walked one entry at a time, and read by path. Contents
 * larger than {@link #MAX_CONTENT} are not read (a catalog wants descriptors, not binaries).
 */
final class HeadTree implements AutoCloseable {

    static final long MAX_CONTENT = 1024 * 1024;

    /** One entry of the walk. */
    interface Visitor {
        void visit(String path, boolean folder, ObjectId id) throws IOException;
    }

    private final ObjectReader reader;
    private final RevTree tree;

    private HeadTree(ObjectReader reader, RevTree tree) {
        this.reader = reader;
        this.tree = tree;
    }

    /** The tree at the head, or empty for a repository without commits. */
    static Optional<HeadTree> of(OpenedRepository repository) throws IOException {
        if (repository.head() == null) return Optional.empty();
        ObjectReader reader = repository.repository().newObjectReader();
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(repository.head());
            return Optional.of(new HeadTree(reader, commit.getTree()));
        }
    }

    /** Visits every file (and, with {@code folders}, every folder before its content), depth first, in path order. */
    void walk(boolean folders, Visitor visitor) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                if (walk.isSubtree()) {
                    if (folders) visitor.visit(walk.getPathString(), true, walk.getObjectId(0));
                    walk.enterSubtree();
                } else if (walk.getFileMode(0) != FileMode.GITLINK) {
                    visitor.visit(walk.getPathString(), false, walk.getObjectId(0));
                }
            }
        }
    }

    /** A file that differs between another tree and this one. */
    interface Change {
        /** @param before the blob in the other tree, or null; {@code after} the blob in this one, or null */
        void changed(String path, ObjectId before, ObjectId after) throws IOException;
    }

    ObjectId id() {
        return tree;
    }

    boolean has(ObjectId object) throws IOException {
        return reader.has(object);
    }

    /** Visits every file that differs between {@code other} (a tree of the same repository) and this tree. */
    void diff(ObjectId other, Change change) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(other);
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                change.changed(walk.getPathString(), blob(walk, 0), blob(walk, 1));
            }
        }
    }

    private static ObjectId blob(TreeWalk walk, int index) {
        return walk.getFileMode(index).getObjectType() == Constants.OBJ_BLOB ? walk.getObjectId(index) : null;
    }

    long size(ObjectId blob) throws IOException {
        return reader.getObjectSize(blob, Constants.OBJ_BLOB);
    }

    /** The content of the file at {@code path}, or empty when there is none or it is too large. */
    Optional<byte[]> read(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null || walk.isSubtree()) return Optional.empty();
            return read(walk.getObjectId(0));
        }
    }

    Optional<byte[]> read(ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_CONTENT) return Optional.empty();
        return Optional.of(loader.getCachedBytes());
    }

    Optional<String> text(String path) throws IOException {
        return read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The first of {@code candidates} (case-insensitive names, in {@code folder}) that exists, as a path. */
    Optional<String> find(String folder, String... candidates) throws IOException {
        String prefix = folder == null || folder.isEmpty() ? "" : folder + "/";
        try (TreeWalk walk = new TreeWalk(reader)) {
            if (prefix.isEmpty()) walk.addTree(tree);
            else {
                TreeWalk inner = TreeWalk.forPath(reader, folder, tree);
                if (inner == null || !inner.isSubtree()) return Optional.empty();
                walk.addTree(inner.getObjectId(0));
                inner.close();
            }
            walk.setRecursive(false);
            String[] names = new String[candidates.length];
            while (walk.next()) {
                if (walk.isSubtree()) continue;
                for (int i = 0; i < candidates.length; i++) {
                    if (names[i] == null && walk.getNameString().equalsIgnoreCase(candidates[i])) names[i] = prefix + walk.getNameString();
                }
            }
            for (String name : names) if (name != null) return Optional.of(name);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
