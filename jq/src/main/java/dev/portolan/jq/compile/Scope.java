package dev.portolan.jq.compile;

import dev.portolan.jq.eval.FunctionDef;

/**
 * Compile-time bindings, innermost first: variables, labels, filter parameters and functions.
 * Each binding owns a fresh key object that the runtime {@code Env} is keyed by.
 */
record Scope(Scope parent, Kind kind, String name, int arity, Object key, FunctionDef def) {

    enum Kind { VARIABLE, LABEL, PARAMETER, FUNCTION }

    static Scope variable(Scope parent, String name) {
        return new Scope(parent, Kind.VARIABLE, name, 0, new Key("$" + name), null);
    }

    static Scope label(Scope parent, String name) {
        return new Scope(parent, Kind.LABEL, name, 0, new Key("label $" + name), null);
    }

    static Scope parameter(Scope parent, String name, Object key) {
        return new Scope(parent, Kind.PARAMETER, name, 0, key, null);
    }

    static Scope function(Scope parent, FunctionDef def) {
        return new Scope(parent, Kind.FUNCTION, def.name(), def.arity(), null, def);
    }

    Scope find(Kind wanted, String wantedName, int wantedArity) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.kind == wanted && s.name.equals(wantedName) && s.arity == wantedArity) {
                return s;
            }
        }
        return null;
    }

    /** Finds a function or a filter parameter (arity 0) with this name, whichever is innermost. */
    Scope findCallable(String wantedName, int wantedArity) {
        for (Scope s = this; s != null; s = s.parent) {
            boolean callable = s.kind == Kind.FUNCTION || (s.kind == Kind.PARAMETER && wantedArity == 0);
            if (callable && s.name.equals(wantedName) && s.arity == wantedArity) {
                return s;
            }
        }
        return null;
    }

    /** A binding identity; the name only helps debugging. */
    record Key(String name) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
