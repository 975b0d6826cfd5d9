package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.jq.value.JsonText;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Randomised comparison with the system jq (Debian's 1.6) on programs where 1.6 and 1.8 agree:
 * the same outputs, or both failing. Skipped when {@code /usr/bin/jq} is missing.
 */
class DifferentialTest {
    private static final File SYSTEM_JQ = new File("/usr/bin/jq");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** More cases and another seed can be asked for with -Djq.differential.cases / -Djq.differential.seed. */
    private static final int CASES = Integer.getInteger("jq.differential.cases", 300);
    private static final long SEED = Long.getLong("jq.differential.seed", 20_260_101L);

    private record Outcome(List<String> outputs, boolean failed) { }

    @Test
    void randomProgramsGiveTheSameOutputsAsTheSystemJq() throws Exception {
        assumeTrue(SYSTEM_JQ.canExecute(), "no system jq");
        RandomPrograms random = new RandomPrograms(SEED);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String program = random.program();
            String input = random.input();
            Outcome theirs = systemJq(program, input);
            Outcome ours = ours(program, input);
            boolean agree = theirs.failed() ? ours.failed() : !ours.failed() && ours.outputs().equals(theirs.outputs());
            if (!agree) {
                mismatches.add(program + "  <<<  " + input + "\n    jq : " + theirs + "\n    ours: " + ours);
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    private static Outcome ours(String program, String input) {
        try {
            List<String> out = new ArrayList<>();
            JqRuntime runtime = JqRuntime.defaults().withTimeout(Duration.ofSeconds(5));
            Jq.compile(program).run(MAPPER.readTree(input), runtime, v -> out.add(JsonText.compact(v)));
            return new Outcome(out, false);
        } catch (JqException | JqCompileException | IOException e) {
            return new Outcome(List.of(e.getMessage()), true);
        }
    }

    private static Outcome systemJq(String program, String input) throws Exception {
        Process p = new ProcessBuilder(SYSTEM_JQ.getPath(), "-c", program).redirectErrorStream(false).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(List.of("timeout"), true);
        }
        if (p.exitValue() != 0) {
            return new Outcome(List.of("exit " + p.exitValue()), true);
        }
        return new Outcome(out.lines().toList(), false);
    }
}
