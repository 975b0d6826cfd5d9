package dev.portolan.jq.eval;

import dev.portolan.jq.JqException;
import java.util.function.BooleanSupplier;

/**
 * Keeps a {@code try} (or {@code //}) from catching errors that happen after its body produced an
 * output. Outputs are pushed into the rest of the pipeline while the body is still on the stack, so
 * an error raised by the consumer passes through the body's frames; it is wrapped in a
 * {@link Failure} owned by the catching node, which lets it through and unwraps it.
 */
final class Downstream {
    private Downstream() {
    }

    static boolean call(Object owner, BooleanSupplier emit) {
        try {
            return emit.getAsBoolean();
        } catch (JqException e) {
            throw new Failure(owner, e);
        }
    }

    /** An error from downstream of {@code owner}, travelling back through its body. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object owner;
        private final JqException error;

        Failure(Object owner, JqException error) {
            super(null, null, false, false);
            this.owner = owner;
            this.error = error;
        }

        /** The original error when this node owns the failure, otherwise the failure itself. */
        RuntimeException unwrap(Object node) {
            return owner == node ? error : this;
        }
    }
}
