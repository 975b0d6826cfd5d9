package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runaway programs stop with a clear error instead of hanging the thread. */
class LimitsTest {
    private static JqRuntime shortDeadline() {
        return JqRuntime.defaults().withTimeout(Duration.ofMillis(200));
    }

    @Test
    void aRuntimeWithATimeoutCanBeReusedBecauseEachEvaluationGetsItsOwnClock() throws Exception {
        JqRuntime runtime = shortDeadline();
        Thread.sleep(300);
        assertThat(Jq.compile("[range(10)] | length").apply(NullNode.getInstance(), runtime))
                .containsExactly(com.fasterxml.jackson.databind.node.IntNode.valueOf(10));
    }

    @Test
    void anAbsoluteDeadlineInThePastStopsEvaluationAtOnce() {
        JqRuntime runtime = JqRuntime.defaults().withDeadline(java.time.Instant.now().minusSeconds(1));
        assertThatThrownBy(() -> Jq.compile("1").apply(NullNode.getInstance(), runtime))
                .isInstanceOf(JqLimitException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"repeat(1)", "[range(1e9)]", "[repeat(.)] | length", "def f: f; f",
        "last(range(infinite))", "reduce range(1e12) as $x (0; . + 1)", "[limit(1e9; repeat(\"x\"))] | length"})
    void aDeadlineStopsRunawayPrograms(String program) {
        assertThatThrownBy(() -> Jq.compile(program).run(NullNode.getInstance(), shortDeadline(), v -> true))
                .isInstanceOf(JqLimitException.class);
    }

    @Test
    void aCatastrophicRegexHitsTheDeadline() {
        TextNode subject = TextNode.valueOf("a".repeat(300));
        assertThatThrownBy(() -> Jq.compile("test(\"(.*.*.*.*a)x\")").apply(subject, shortDeadline()))
                .isInstanceOfSatisfying(JqLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(JqLimitException.Reason.DEADLINE));
    }

    @Test
    void aStepBudgetStopsEvaluation() {
        JqRuntime budget = JqRuntime.defaults().withStepBudget(5_000);
        assertThatThrownBy(() -> Jq.compile("[range(1e9)]").apply(NullNode.getInstance(), budget))
                .isInstanceOfSatisfying(JqLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(JqLimitException.Reason.STEP_BUDGET));
    }

    @Test
    void aCancelFlagStopsEvaluation() {
        AtomicBoolean cancelled = new AtomicBoolean();
        JqRuntime runtime = JqRuntime.defaults().withCancellation(cancelled::get);
        int[] outputs = {0};
        assertThatThrownBy(() -> Jq.compile("repeat(1)").run(NullNode.getInstance(), runtime, v -> {
            if (++outputs[0] == 100) {
                cancelled.set(true);
            }
            return true;
        })).isInstanceOfSatisfying(JqLimitException.class,
                e -> assertThat(e.reason()).isEqualTo(JqLimitException.Reason.CANCELLED));
    }

    @Test
    void tryCannotCatchALimit() {
        assertThatThrownBy(() -> Jq.compile("try repeat(1) catch 0").run(NullNode.getInstance(), shortDeadline(), v -> true))
                .isInstanceOf(JqLimitException.class);
    }

    @Test
    void deepRecursionFailsCleanly() {
        assertThatThrownBy(() -> Jq.compile("def f: 1 + f; f").apply(NullNode.getInstance()))
                .isInstanceOfSatisfying(JqLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(JqLimitException.Reason.STACK_DEPTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsub(\"^\"; \"x\")", "gsub(\"\"; \"-\")", "gsub(\"a*\"; \"-\")", "[match(\"\"; \"g\")]",
        "[splits(\"\")]", "sub(\"$\"; \"!\"; \"g\")"})
    void substitutionsWithEmptyMatchesTerminate(String program) {
        assertThat(Jq.compile(program).apply(TextNode.valueOf("abc"), shortDeadline())).hasSize(1);
    }

    private static JqRuntime allocationLimit(long units) {
        return JqRuntime.defaults().withTimeout(Duration.ofSeconds(30)).withAllocationLimit(units);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[limit(33; \"x\" | recurse(. + .))]", "last(limit(40; \"x\" | recurse(. + .)))",
        "[range(1e8)] | length", "reduce range(1e6) as $i ([]; . + [$i]) | length",
        "[range(1000) | \"x\" * 1000000] | length", "[range(1e6) | tostring] | join(\",\") | length",
        "\"x\" | until(length > 1e9; \"\\(.)\\(.)\")", "[range(30)] | reduce .[] as $i (\"ab\"; ascii_downcase + .)"})
    void anAllocationLimitStopsProgramsThatBuildWithoutBound(String program) {
        assertThatThrownBy(() -> Jq.compile(program).apply(NullNode.getInstance(), allocationLimit(10_000_000)))
                .isInstanceOfSatisfying(JqLimitException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JqLimitException.Reason.MEMORY);
                    assertThat(e.getMessage()).contains("10000000 characters and elements");
                });
    }

    @Test
    void programsWithinTheAllocationLimitRunAsBefore() {
        JqRuntime limited = allocationLimit(10_000);
        assertThat(Jq.compile("[range(1000)] | map(tostring) | join(\",\") | length").apply(NullNode.getInstance(), limited))
                .containsExactly(com.fasterxml.jackson.databind.node.IntNode.valueOf(3889));
        // Each evaluation has its own allowance: the same runtime serves many.
        for (int i = 0; i < 100; i++) {
            assertThat(Jq.compile("[range(2000)] | length").apply(NullNode.getInstance(), limited)).hasSize(1);
        }
    }

    @Test
    void tryCannotCatchTheAllocationLimit() {
        assertThatThrownBy(() -> Jq.compile("try [range(1e7)] catch 0").apply(NullNode.getInstance(), allocationLimit(1000)))
                .isInstanceOf(JqLimitException.class);
    }
}
