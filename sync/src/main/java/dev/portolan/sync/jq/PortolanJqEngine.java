package dev.portolan.sync.jq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqCompileException;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqHaltException;
import dev.portolan.jq.JqLimitException;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.JqRuntime;
import dev.portolan.jq.JqSyntax;

import java.time.Duration;

/** {@link JqEngine} over Portolan's own jq engine ({@code jq/}). */
public final class PortolanJqEngine implements JqEngine {

    public static final PortolanJqEngine INSTANCE = new PortolanJqEngine();

    /**
     * What one mapping evaluation may build (string characters plus array and object elements):
     * far above any real mapping, far below what would exhaust a server's heap. docs/jq.md.
     */
    public static final long ALLOCATION_LIMIT = 50_000_000;

    @Override
    public JqExpression compile(String expression) {
        try {
            return new Compiled(Jq.compile(expression, JqSyntax.MAPPING));
        } catch (JqCompileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private record Compiled(JqProgram program) implements JqExpression {
        @Override
        public JsonNode first(JsonNode input, Duration timeout) throws JqEvaluationException {
            try {
                return program.first(input, JqRuntime.defaults().withTimeout(timeout).withAllocationLimit(ALLOCATION_LIMIT)).orElse(null);
            } catch (JqException | JqLimitException | JqHaltException e) {
                throw new JqEvaluationException(e.getMessage(), e);
            } catch (StackOverflowError e) {
                throw new JqEvaluationException("the expression recursed too deeply", null);
            }
        }

        @Override
        public String text() {
            return program.source();
        }
    }
}
