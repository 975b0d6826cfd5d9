package dev.portolan.jq.eval;

/**
 * The bindings visible at one point of an evaluation: variables and closure parameters, as a
 * persistent linked list keyed by identity. Keys are created once per binding site at compile
 * time, so shadowing is resolved by the compiler and lookup only walks to the nearest binding.
 */
public final class Env {
    private final Env parent;
    private final Object key;
    private final Object value;
    private final Execution execution;

    private Env(Env parent, Object key, Object value, Execution execution) {
        this.parent = parent;
        this.key = key;
        this.value = value;
        this.execution = execution;
    }

    public static Env root(Execution execution) {
        return new Env(null, null, null, execution);
    }

    public Env bind(Object bindingKey, Object bindingValue) {
        return new Env(this, bindingKey, bindingValue, execution);
    }

    public Object lookup(Object bindingKey) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.key == bindingKey) {
                return e.value;
            }
        }
        throw new IllegalStateException("unbound " + bindingKey);
    }

    public Execution execution() {
        return execution;
    }
}
