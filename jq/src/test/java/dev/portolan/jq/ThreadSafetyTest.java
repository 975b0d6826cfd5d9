package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One compiled program evaluated from several threads at once gives the same results as sequentially. */
class ThreadSafetyTest {
    private static final String PROGRAM = "def fib: if . < 2 then . else (. - 1 | fib) + (. - 2 | fib) end;"
            + " [range(.) | {n: ., fib: fib, s: (tostring | test(\"1\"))}] | map(select(.s)) | length";

    @Test
    void aCompiledProgramIsSafeToShareBetweenThreads() throws Exception {
        JqProgram program = Jq.compile(PROGRAM);
        List<JsonNode> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(program.first(IntNode.valueOf(i % 20)).orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<JsonNode>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<JsonNode> out = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        out.add(program.first(IntNode.valueOf(i % 20)).orElseThrow());
                    }
                    return out;
                }));
            }
            for (Future<List<JsonNode>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
