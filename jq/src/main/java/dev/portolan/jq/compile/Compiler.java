package dev.portolan.jq.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.builtins.Builtins;
import dev.portolan.jq.eval.*;
import dev.portolan.jq.parse.Ast;
import dev.portolan.jq.parse.JqParser;
import dev.portolan.jq.value.Arith;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Turns a syntax tree into a tree of {@link Node}s, resolving every variable, label and function
 * call lexically. Unknown names are compile errors, so nothing is looked up by name at runtime.
 */
public final class Compiler {
    private final String source;
    private final Set<String> globals;
    private final Builtins builtins;

    public Compiler(String source, Set<String> globals, Builtins builtins) {
        this.source = source;
        this.globals = globals;
        this.builtins = builtins;
    }

    public Node compile(Ast ast) {
        return compile(ast, null);
    }

    /** Compiles a chain of {@code def}s (the prelude) and returns the scope that declares them. */
    public List<FunctionDef> compileDefinitions(Ast ast) {
        List<FunctionDef> defs = new ArrayList<>();
        Scope scope = null;
        while (ast instanceof Ast.FuncDef def) {
            FunctionDef fn = define(def, scope);
            scope = Scope.function(scope, fn);
            defs.add(fn);
            ast = def.rest();
        }
        return defs;
    }

    RuntimeException error(String message, int pos) {
        return JqParser.compileError(source, message, pos);
    }

    Node compile(Ast ast, Scope scope) {
        return switch (ast) {
            case Ast.Identity i -> IdentityNode.INSTANCE;
            case Ast.RecurseAll r -> RecurseAllNode.INSTANCE;
            case Ast.Literal l -> new LiteralNode(l.value());
            case Ast.Format f -> new FormatNode(checkFormat(f.name(), f.pos()));
            case Ast.Interpolation s -> interpolation(s, scope);
            case Ast.Index ix -> index(ix, scope);
            case Ast.Slice s -> new SliceNode(compile(s.target(), scope), opt(s.from(), scope), opt(s.to(), scope), s.optional());
            case Ast.Iterate it -> new IterateNode(compile(it.target(), scope), it.optional());
            case Ast.Collect c -> new CollectNode(c.body() == null ? Empty.NODE : compile(c.body(), scope));
            case Ast.ObjectCons o -> object(o, scope);
            case Ast.Neg n -> new NegNode(compile(n.operand(), scope));
            case Ast.Pipe p -> new PipeNode(compile(p.left(), scope), compile(p.right(), scope));
            case Ast.Comma c -> new CommaNode(compile(c.left(), scope), compile(c.right(), scope));
            case Ast.Binary b -> binary(b, scope);
            case Ast.And a -> new AndOrNode(compile(a.left(), scope), compile(a.right(), scope), false);
            case Ast.Or o -> new AndOrNode(compile(o.left(), scope), compile(o.right(), scope), true);
            case Ast.Alternative a -> new AlternativeNode(compile(a.left(), scope), compile(a.right(), scope));
            case Ast.Assign a -> assign(a, scope);
            case Ast.If i -> new IfNode(compile(i.condition(), scope), compile(i.then(), scope),
                    i.otherwise() == null ? IdentityNode.INSTANCE : compile(i.otherwise(), scope));
            case Ast.Try t -> new TryNode(compile(t.body(), scope), t.handler() == null ? null : compile(t.handler(), scope));
            case Ast.Reduce r -> reduce(r, scope);
            case Ast.Foreach f -> foreach(f, scope);
            case Ast.FuncDef d -> compile(d.rest(), Scope.function(scope, define(d, scope)));
            case Ast.Call c -> call(c, scope);
            case Ast.Var v -> variable(v, scope);
            case Ast.Bind b -> bind(b, scope);
            case Ast.Label l -> {
                Scope inner = Scope.label(scope, l.name());
                yield new LabelNode(inner.key(), compile(l.body(), inner));
            }
            case Ast.Break b -> {
                Scope label = scope == null ? null : scope.find(Scope.Kind.LABEL, b.name(), 0);
                if (label == null) {
                    throw error("$*label-" + b.name() + " is not defined", b.pos());
                }
                yield new BreakNode(label.key());
            }
        };
    }

    private Node opt(Ast ast, Scope scope) {
        return ast == null ? null : compile(ast, scope);
    }

    /**
     * jq 1.8.2 compiles any {@code @name} and fails when it runs: "foo is not a valid format"
     * (Formats.apply), which {@code try} catches; a definition that is never called is no error.
     */
    private String checkFormat(String name, int pos) {
        return name;
    }

    private Node interpolation(Ast.Interpolation s, Scope scope) {
        Object[] parts = new Object[s.parts().size()];
        for (int i = 0; i < parts.length; i++) {
            Object part = s.parts().get(i);
            parts[i] = part instanceof Ast a ? compile(a, scope) : part;
        }
        return new InterpolationNode(parts, s.format() == null ? null : checkFormat(s.format(), s.pos()));
    }

    private Node index(Ast.Index ix, Scope scope) {
        Node target = compile(ix.target(), scope);
        if (ix.key() instanceof Ast.Literal lit && lit.value().isTextual()) {
            return new FieldNode(target, lit.value().textValue(), ix.optional());
        }
        return new IndexNode(target, compile(ix.key(), scope), ix.optional());
    }

    private Node object(Ast.ObjectCons o, Scope scope) {
        Node[] keys = new Node[o.entries().size()];
        Node[] values = new Node[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = compile(o.entries().get(i).key(), scope);
            values[i] = compile(o.entries().get(i).value(), scope);
            requireStringKey(keys[i], o.entries().get(i).key().pos());
        }
        return new ObjectConsNode(keys, values);
    }

    /** A constant key that is not a string is refused when compiling, as jq does. */
    void requireStringKey(Node key, int pos) {
        if (key instanceof LiteralNode lit && !lit.value().isTextual()) {
            throw error("Cannot use " + Values.describe(lit.value()) + " as object key", pos);
        }
    }

    private Node binary(Ast.Binary b, Scope scope) {
        // jq 1.8 no longer rejects a constant division by zero when compiling: `try (1/0) catch .` catches it.
        return new BinaryNode(compile(b.left(), scope), compile(b.right(), scope), operator(b.op()));
    }

    static BinaryOperator<JsonNode> operator(String op) {
        return switch (op) {
            case "+" -> Arith::add;
            case "-" -> Arith::subtract;
            case "*" -> Arith::multiply;
            case "/" -> Arith::divide;
            case "%" -> Arith::modulo;
            case "==" -> (a, b) -> Json.bool(Values.equal(a, b));
            case "!=" -> (a, b) -> Json.bool(!Values.equal(a, b));
            case "<" -> (a, b) -> Json.bool(Values.compare(a, b) < 0);
            case "<=" -> (a, b) -> Json.bool(Values.compare(a, b) <= 0);
            case ">" -> (a, b) -> Json.bool(Values.compare(a, b) > 0);
            case ">=" -> (a, b) -> Json.bool(Values.compare(a, b) >= 0);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private Node assign(Ast.Assign a, Scope scope) {
        Node target = compile(a.target(), scope);
        Node value = compile(a.value(), scope);
        return switch (a.op()) {
            case "|=" -> new AssignNode(AssignNode.Kind.UPDATE, target, value, null);
            case "=" -> new AssignNode(AssignNode.Kind.SET, target, value, null);
            case "//=" -> new AssignNode(AssignNode.Kind.ALTERNATIVE, target, value, null);
            default -> new AssignNode(AssignNode.Kind.ARITHMETIC, target, value,
                    operator(a.op().substring(0, a.op().length() - 1)));
        };
    }

    private Node reduce(Ast.Reduce r, Scope scope) {
        PatternCompiler.Compiled p = new PatternCompiler(this).compile(r.patterns(), scope);
        return new ReduceNode(compile(r.source(), scope), p.binder(), compile(r.init(), scope),
                compile(r.update(), p.scope()));
    }

    private Node foreach(Ast.Foreach f, Scope scope) {
        PatternCompiler.Compiled p = new PatternCompiler(this).compile(f.patterns(), scope);
        return new ForeachNode(compile(f.source(), scope), p.binder(), compile(f.init(), scope),
                compile(f.update(), p.scope()), f.extract() == null ? null : compile(f.extract(), p.scope()));
    }

    private Node bind(Ast.Bind b, Scope scope) {
        PatternCompiler.Compiled p = new PatternCompiler(this).compile(b.patterns(), scope);
        return new BindNode(compile(b.source(), scope), p.binder(), compile(b.body(), p.scope()));
    }

    private FunctionDef define(Ast.FuncDef d, Scope scope) {
        int n = d.params().size();
        Object[] paramKeys = new Object[n];
        Object[] valueKeys = new Object[n];
        for (int i = 0; i < n; i++) {
            String param = d.params().get(i);
            boolean isValue = param.startsWith("$");
            String name = isValue ? param.substring(1) : param;
            paramKeys[i] = new Scope.Key(name);
            if (isValue) {
                valueKeys[i] = new Scope.Key(param);
            }
        }
        FunctionDef fn = new FunctionDef(d.name(), paramKeys, valueKeys);
        Scope inner = Scope.function(scope, fn);
        for (int i = 0; i < n; i++) {
            String param = d.params().get(i);
            String name = param.startsWith("$") ? param.substring(1) : param;
            inner = Scope.parameter(inner, name, paramKeys[i]);
            if (valueKeys[i] != null) {
                inner = new Scope(inner, Scope.Kind.VARIABLE, name, 0, valueKeys[i], null);
            }
        }
        fn.assumeSingle(true);
        Node body = compile(d.body(), inner);
        if (!body.isSingle()) {
            // The optimistic assumption failed: nodes built under it cached a wrong answer.
            fn.assumeSingle(false);
            body = compile(d.body(), inner);
        }
        fn.setBody(body);
        return fn;
    }

    private Node call(Ast.Call c, Scope scope) {
        int arity = c.args().size();
        Scope found = scope == null ? null : scope.findCallable(c.name(), arity);
        Node[] args = new Node[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = compile(c.args().get(i), scope);
        }
        if (found != null) {
            return found.kind() == Scope.Kind.PARAMETER ? new ClosureCallNode(found.key()) : new CallNode(found.def(), args);
        }
        NativeFunction nativeFn = builtins.nativeFunction(c.name(), arity);
        if (nativeFn != null) {
            return new NativeCallNode(nativeFn, args);
        }
        FunctionDef defined = builtins.definedFunction(c.name(), arity);
        if (defined != null) {
            return new CallNode(defined, args);
        }
        throw error(c.name() + "/" + arity + " is not defined", c.pos());
    }

    private Node variable(Ast.Var v, Scope scope) {
        Scope found = scope == null ? null : scope.find(Scope.Kind.VARIABLE, v.name(), 0);
        if (found != null) {
            return new VarNode(found.key());
        }
        if (v.name().equals("ENV") || v.name().equals("ARGS") || globals.contains(v.name())) {
            return new GlobalVarNode(v.name());
        }
        throw error("$" + v.name() + " is not defined", v.pos());
    }
}
