package dev.portolan.jq.parse;

import dev.portolan.jq.value.Json;
import java.util.ArrayList;
import java.util.List;

/** Object construction: {@code {a, "b": 1, $x, (expr): v, @base64: v, $__loc__}}. */
final class ObjectParser {
    private final JqParser p;
    private final TermParser terms;

    ObjectParser(JqParser parser, TermParser terms) {
        this.p = parser;
        this.terms = terms;
    }

    Ast parse(int pos) {
        List<Ast.Entry> entries = new ArrayList<>();
        while (!p.peekToken().is("}")) {
            entries.add(entry());
            if (!p.acceptOp(",")) {
                break;
            }
        }
        p.expectOp("}");
        return new Ast.ObjectCons(pos, entries);
    }

    private Ast.Entry entry() {
        Token t = p.next();
        switch (t.type()) {
            case VAR -> {
                if (t.text().equals("__loc__")) {
                    return new Ast.Entry(text(t, "__loc__"), new Ast.Literal(t.pos(), p.locationOf(t.pos())));
                }
                Ast var = new Ast.Var(t.pos(), t.text());
                if (p.acceptOp(":")) {
                    return new Ast.Entry(var, value());
                }
                return new Ast.Entry(text(t, t.text()), var);
            }
            case IDENT, KEYWORD -> {
                Ast key = text(t, t.text());
                return new Ast.Entry(key, p.acceptOp(":") ? value() : fieldOf(t, key));
            }
            case STRING, FORMAT -> {
                Ast key = t.type() == TokenType.FORMAT ? terms.string(p.next(), "@" + t.text()) : terms.string(t, null);
                return new Ast.Entry(key, p.acceptOp(":") ? value() : fieldOf(t, key));
            }
            case NUMBER -> {
                Ast key = new Ast.Literal(t.pos(), JqParser.number(t.text(), t.pos()));
                if (!p.peekToken().is(":")) {
                    throw new ParseError("May need parentheses around object key expression", t.pos());
                }
                p.expectOp(":");
                return new Ast.Entry(key, value());
            }
            default -> {
                if (t.is("(")) {
                    Ast key = p.parsePipe();
                    p.expectOp(")");
                    p.expectOp(":");
                    return new Ast.Entry(key, value());
                }
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
            }
        }
    }

    private static Ast text(Token t, String s) {
        return new Ast.Literal(t.pos(), Json.text(s));
    }

    private static Ast fieldOf(Token t, Ast key) {
        return new Ast.Index(t.pos(), new Ast.Identity(t.pos()), key, false);
    }

    /**
     * An object value as in jq 1.8: any expression without a top-level comma ({@code {k: .a // "x"}},
     * {@code {k: .a + "-" + .b}}), possibly piped. Not bound with {@code as}: jq 1.8.2's grammar
     * (DictExpr) has no binding there, so {@code {e: . as $v | $v}} fails to compile
     * ("syntax error, unexpected as, expecting '}'") and needs parentheses, as in jq.
     */
    private Ast value() {
        Ast left = p.parseAlternative();
        if (p.peekToken().is("|")) {
            int pos = p.next().pos();
            return new Ast.Pipe(pos, left, value());
        }
        return left;
    }
}
