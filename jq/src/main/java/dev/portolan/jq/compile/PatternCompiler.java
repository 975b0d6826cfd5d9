package dev.portolan.jq.compile;

import dev.portolan.jq.eval.AlternativeBinder;
import dev.portolan.jq.eval.Binder;
import dev.portolan.jq.eval.Binders;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.parse.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles destructuring patterns. All alternatives of {@code ?//} share one key per variable
 * name, so the body refers to the same binding whichever alternative matched.
 */
final class PatternCompiler {
    private final Compiler compiler;
    private final Map<String, Scope> variables = new LinkedHashMap<>();

    PatternCompiler(Compiler compiler) {
        this.compiler = compiler;
    }

    /** The binder (with its {@code ?//} alternatives) and the scope that declares its variables. */
    record Compiled(Binder binder, Scope scope) { }

    Compiled compile(List<Pattern> patterns, Scope outer) {
        Scope scope = outer;
        for (Pattern p : patterns) {
            scope = declare(p, scope);
        }
        Binder[] binders = new Binder[patterns.size()];
        for (int i = 0; i < binders.length; i++) {
            binders[i] = binder(patterns.get(i), scope);
        }
        Object[] keys = variables.values().stream().map(Scope::key).toArray();
        return new Compiled(AlternativeBinder.of(binders, keys), scope);
    }

    private Scope declare(Pattern p, Scope scope) {
        switch (p) {
            case Pattern.Variable v -> scope = declareName(v.name(), scope);
            case Pattern.ArrayOf a -> {
                for (Pattern e : a.elements()) {
                    scope = declare(e, scope);
                }
            }
            case Pattern.ObjectOf o -> {
                for (Pattern.Field f : o.fields()) {
                    if (f.keyVar() != null) {
                        scope = declareName(f.keyVar(), scope);
                    }
                    if (f.value() != null) {
                        scope = declare(f.value(), scope);
                    }
                }
            }
        }
        return scope;
    }

    private Scope declareName(String name, Scope scope) {
        if (variables.containsKey(name)) {
            return scope;
        }
        Scope s = Scope.variable(scope, name);
        variables.put(name, s);
        return s;
    }

    private Binder binder(Pattern p, Scope scope) {
        return switch (p) {
            case Pattern.Variable v -> Binders.variable(variables.get(v.name()).key());
            case Pattern.ArrayOf a -> {
                List<Binder> elements = new ArrayList<>();
                for (Pattern e : a.elements()) {
                    elements.add(binder(e, scope));
                }
                yield Binders.array(elements);
            }
            case Pattern.ObjectOf o -> {
                List<Binders.Field> fields = new ArrayList<>();
                for (Pattern.Field f : o.fields()) {
                    Node key = compiler.compile(f.key(), scope);
                    compiler.requireStringKey(key, f.key().pos());
                    Object var = f.keyVar() == null ? null : variables.get(f.keyVar()).key();
                    fields.add(new Binders.Field(key, var, f.value() == null ? null : binder(f.value(), scope)));
                }
                yield Binders.object(fields);
            }
        };
    }
}
