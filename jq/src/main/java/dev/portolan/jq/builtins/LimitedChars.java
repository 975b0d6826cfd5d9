package dev.portolan.jq.builtins;

import dev.portolan.jq.eval.Execution;

/**
 * The subject of a regex match, counting a step for every character the matcher reads, so that a
 * catastrophic backtracking pattern hits the deadline, budget or cancel flag instead of running on.
 */
final class LimitedChars implements CharSequence {
    private final String text;
    private final Execution execution;

    LimitedChars(String text, Execution execution) {
        this.text = text;
        this.execution = execution;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        execution.tick();
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
