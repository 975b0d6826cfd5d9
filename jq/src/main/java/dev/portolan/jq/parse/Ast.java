package dev.portolan.jq.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The syntax tree of a jq program, as the parser builds it. Every node keeps the source offset it
 * started at ({@code pos}) so that the compiler can report unknown names with line and column.
 */
public sealed interface Ast {
    int pos();

    record Identity(int pos) implements Ast { }

    record RecurseAll(int pos) implements Ast { }

    record Literal(int pos, JsonNode value) implements Ast { }

    /** {@code "a\(x)b"}; parts are {@code String} or {@code Ast}; format is null or e.g. {@code @csv}. */
    record Interpolation(int pos, List<Object> parts, String format) implements Ast { }

    /** A bare {@code @base64} used as a filter. */
    record Format(int pos, String name) implements Ast { }

    record Index(int pos, Ast target, Ast key, boolean optional) implements Ast { }

    record Slice(int pos, Ast target, Ast from, Ast to, boolean optional) implements Ast { }

    record Iterate(int pos, Ast target, boolean optional) implements Ast { }

    /** {@code [body]}; body is null for {@code []}. */
    record Collect(int pos, Ast body) implements Ast { }

    record ObjectCons(int pos, List<Entry> entries) implements Ast { }

    record Entry(Ast key, Ast value) { }

    record Neg(int pos, Ast operand) implements Ast { }

    record Pipe(int pos, Ast left, Ast right) implements Ast { }

    record Comma(int pos, Ast left, Ast right) implements Ast { }

    /** Arithmetic and comparison: op is the operator text ({@code +}, {@code ==}, ...). */
    record Binary(int pos, String op, Ast left, Ast right) implements Ast { }

    record And(int pos, Ast left, Ast right) implements Ast { }

    record Or(int pos, Ast left, Ast right) implements Ast { }

    record Alternative(int pos, Ast left, Ast right) implements Ast { }

    /** {@code =}, {@code |=}, {@code +=}, ..., {@code //=}. */
    record Assign(int pos, String op, Ast target, Ast value) implements Ast { }

    /** {@code otherwise} is null when there is no {@code else}. */
    record If(int pos, Ast condition, Ast then, Ast otherwise) implements Ast { }

    /** {@code handler} is null for {@code try body} and {@code body?}. */
    record Try(int pos, Ast body, Ast handler) implements Ast { }

    /** {@code reduce source as p1 ?// p2 (init; update)}. */
    record Reduce(int pos, Ast source, List<Pattern> patterns, Ast init, Ast update) implements Ast { }

    /** {@code extract} is null for the two-argument form. */
    record Foreach(int pos, Ast source, List<Pattern> patterns, Ast init, Ast update, Ast extract) implements Ast { }

    /** {@code def name(params): body; rest}. Parameters starting with {@code $} are value parameters. */
    record FuncDef(int pos, String name, List<String> params, Ast body, Ast rest) implements Ast { }

    record Call(int pos, String name, List<Ast> args) implements Ast { }

    record Var(int pos, String name) implements Ast { }

    /** {@code source as p1 ?// p2 ... | body}. */
    record Bind(int pos, Ast source, List<Pattern> patterns, Ast body) implements Ast { }

    record Label(int pos, String name, Ast body) implements Ast { }

    record Break(int pos, String name) implements Ast { }
}
