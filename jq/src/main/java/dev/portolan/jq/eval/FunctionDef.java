package dev.portolan.jq.eval;

/**
 * A function defined with {@code def}. Its body is set after construction so that the body can
 * call the function itself. Parameter {@code i} is bound under {@code paramKeys[i]} as a
 * {@link Closure}; a {@code $param} also binds each of its values under {@code valueKeys[i]}.
 */
public final class FunctionDef {
    private final String name;
    private final Object[] paramKeys;
    private final Object[] valueKeys;
    private Node body;
    private boolean single;

    public FunctionDef(String name, Object[] paramKeys, Object[] valueKeys) {
        this.name = name;
        this.paramKeys = paramKeys;
        this.valueKeys = valueKeys;
    }

    public String name() {
        return name;
    }

    public int arity() {
        return paramKeys.length;
    }

    Object[] paramKeys() {
        return paramKeys;
    }

    Object[] valueKeys() {
        return valueKeys;
    }

    Node body() {
        return body;
    }

    public void setBody(Node compiledBody) {
        this.body = compiledBody;
    }

    /**
     * Whether every call yields exactly one value. The compiler first assumes so for the body's
     * own recursive calls; if the body then proves single, the assumption holds by induction,
     * otherwise it compiles the body again with the assumption withdrawn.
     */
    public boolean isSingle() {
        return single;
    }

    public void assumeSingle(boolean value) {
        this.single = value;
    }

    @Override
    public String toString() {
        return name + "/" + paramKeys.length;
    }
}
