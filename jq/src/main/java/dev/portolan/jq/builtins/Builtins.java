package dev.portolan.jq.builtins;

import dev.portolan.jq.compile.Compiler;
import dev.portolan.jq.eval.FunctionDef;
import dev.portolan.jq.eval.NativeFunction;
import dev.portolan.jq.parse.JqParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of builtins: functions implemented in Java, then those defined in jq itself
 * ({@link Prelude}), compiled once per JVM. Immutable after construction and shared by all programs.
 */
public final class Builtins {
    private static final Builtins INSTANCE = new Builtins();

    private final Map<String, NativeFunction> natives = new HashMap<>();
    private final Map<String, FunctionDef> defined = new LinkedHashMap<>();

    private Builtins() {
        Registry registry = new Registry(natives);
        CoreBuiltins.register(registry);
        ControlBuiltins.register(registry);
        PathBuiltins.register(registry);
        CollectionBuiltins.register(registry);
        StringBuiltins.register(registry);
        RegexBuiltins.register(registry);
        MathBuiltins.register(registry);
        DateBuiltins.register(registry);
        StreamBuiltins.register(registry);
        Compiler compiler = new Compiler(Prelude.SOURCE, Set.of(), this);
        for (FunctionDef def : compiler.compileDefinitions(JqParser.parse(Prelude.SOURCE + " ."))) {
            defined.put(def.name() + "/" + def.arity(), def);
        }
    }

    public static Builtins instance() {
        return INSTANCE;
    }

    public NativeFunction nativeFunction(String name, int arity) {
        return natives.get(name + "/" + arity);
    }

    public FunctionDef definedFunction(String name, int arity) {
        return defined.get(name + "/" + arity);
    }

    /** Every builtin as {@code name/arity}, for {@code builtins}. Names starting with {@code _} are internal. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        natives.keySet().stream().filter(n -> !n.startsWith("_")).forEach(names::add);
        defined.keySet().stream().filter(n -> !n.startsWith("_") && !natives.containsKey(n)).forEach(names::add);
        return names;
    }
}
