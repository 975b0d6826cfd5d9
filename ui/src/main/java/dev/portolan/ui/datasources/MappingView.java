package dev.portolan.ui.datasources;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Mapping tab: the YAML in the editor, the problems of the last save at their lines, the
 * samples Test mapping can run on, and the last test's result (null before a test).
 */
public record MappingView(IntegrationHeader header, String yaml, List<LineProblem> problems, boolean saved,
                          List<SampleChoice> samples, List<String> kinds, MappingTestView test) {

    /** @param line 1-based; 0 when the problem is about the whole mapping */
    public record LineProblem(int line, String path, String message) {}

    /** A resource of the latest resync's samples: {@code count} objects of {@code kind}. */
    public record SampleChoice(int resourceIndex, String kind, int count, String resyncId) {

        public String kindIdentifier() {
            return kind + "-" + resourceIndex;
        }
    }

    /** The line numbers of the editor's gutter. */
    public int lineCount() {
        return Math.max(1, (int) yaml.lines().count() + (yaml.endsWith("\n") ? 1 : 0));
    }

    public Set<Integer> problemLines() {
        return problems.stream().map(LineProblem::line).collect(Collectors.toSet());
    }

    /** The gutter's lines, numbered from 1, as a string per line (a template loops over it). */
    public List<Integer> lines() {
        return java.util.stream.IntStream.rangeClosed(1, lineCount()).boxed().toList();
    }
}
