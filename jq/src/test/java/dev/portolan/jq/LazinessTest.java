package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generators stop as soon as their consumer has what it needs. */
class LazinessTest {

    /** Counts how many inputs the program pulled: a cheap witness of how much was evaluated. */
    private static final class CountingInputs implements Iterator<JsonNode> {
        final AtomicInteger taken = new AtomicInteger();

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public JsonNode next() {
            return IntNode.valueOf(taken.incrementAndGet());
        }
    }

    private static int pulled(String program) {
        CountingInputs inputs = new CountingInputs();
        Jq.compile(program).apply(NullNode.getInstance(), JqRuntime.defaults().withInputs(inputs));
        return inputs.taken.get();
    }

    @Test
    void limitEvaluatesOnlyTheOutputsItKeeps() {
        assertThat(pulled("[limit(1; inputs)]")).isEqualTo(1);
        assertThat(pulled("[limit(3; inputs)]")).isEqualTo(3);
    }

    @Test
    void firstNthAnyAllAndIsemptyStopEarly() {
        assertThat(pulled("first(inputs)")).isEqualTo(1);
        assertThat(pulled("nth(4; inputs)")).isEqualTo(5);
        assertThat(pulled("any(inputs; . == 3)")).isEqualTo(3);
        assertThat(pulled("all(inputs; . < 2)")).isEqualTo(2);
        assertThat(pulled("isempty(inputs)")).isEqualTo(1);
        assertThat(pulled("label $out | inputs | if . == 2 then ., break $out else empty end")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first(range(1e9))", "[limit(5; repeat(1))] | length", "first(range(infinite))",
        "any(range(1e9); . > 10)", "until(. > 100; . + 1)", "[.[]?] | isempty(range(1e9))"})
    void infiniteOrHugeGeneratorsFinishWithinASmallBudget(String program) {
        JqRuntime small = JqRuntime.defaults().withStepBudget(10_000);
        assertThat(Jq.compile(program).apply(IntNode.valueOf(0), small)).hasSize(1);
    }

    @Test
    void runStopsWhenTheSinkSaysSo() {
        List<JsonNode> seen = new java.util.ArrayList<>();
        Jq.compile("range(1e9)").run(NullNode.getInstance(), JqRuntime.defaults().withStepBudget(10_000), v -> {
            seen.add(v);
            return seen.size() < 3;
        });
        assertThat(seen).hasSize(3);
    }
}
