package dev.portolan.jq.parse;

import dev.portolan.jq.value.Json;
import java.util.ArrayList;
import java.util.List;

/** The term level of the grammar: primaries, postfix indexing, {@code if}, {@code reduce}, objects, strings. */
final class TermParser {
    private final JqParser p;

    TermParser(JqParser parser) {
        this.p = parser;
    }

    Ast parsePostfix() {
        Ast term = parsePrimary();
        while (true) {
            Token t = p.peekToken();
            if (t.type() == TokenType.FIELD) {
                p.next();
                term = optional(new Ast.Index(t.pos(), term, literal(t.pos(), t.text()), false));
            } else if (t.is(".") && isStringOrBracketAfterDot()) {
                p.next();
                if (p.peekToken().is("[")) {
                    term = bracket(term);
                } else {
                    term = optional(new Ast.Index(t.pos(), term, string(p.next(), null), false));
                }
            } else if (t.is("[")) {
                term = bracket(term);
            } else if (t.is("?")) {
                p.next();
                term = new Ast.Try(t.pos(), term, null);
            } else if (t.is("?//")) {
                p.replaceCurrent(new Token(TokenType.OP, "//", t.pos() + 1, null));
                term = new Ast.Try(t.pos(), term, null);
            } else {
                return term;
            }
        }
    }

    /** After a term, a lone '.' continues it only as {@code ."key"} or {@code .[...]} (jq 1.7+). */
    private boolean isStringOrBracketAfterDot() {
        Token after = p.peekAhead(1);
        return after.type() == TokenType.STRING || after.is("[");
    }

    /**
     * A {@code ?} right after an index, slice or iteration covers that one access, as in jq
     * ({@code .a[].b?} still fails when {@code .a} cannot be iterated).
     */
    private Ast optional(Ast term) {
        Token t = p.peekToken();
        if (!t.is("?")) {
            return term;
        }
        p.next();
        return switch (term) {
            case Ast.Index ix -> new Ast.Index(ix.pos(), ix.target(), ix.key(), true);
            case Ast.Slice sl -> new Ast.Slice(sl.pos(), sl.target(), sl.from(), sl.to(), true);
            case Ast.Iterate it -> new Ast.Iterate(it.pos(), it.target(), true);
            default -> new Ast.Try(t.pos(), term, null);
        };
    }

    private Ast bracket(Ast target) {
        int pos = p.expectOp("[").pos();
        if (p.acceptOp("]")) {
            return optional(new Ast.Iterate(pos, target, false));
        }
        if (p.acceptOp(":")) {
            Ast to = p.parsePipe();
            p.expectOp("]");
            return optional(new Ast.Slice(pos, target, null, to, false));
        }
        Ast key = p.parsePipe();
        if (p.acceptOp(":")) {
            Ast to = p.peekToken().is("]") ? null : p.parsePipe();
            p.expectOp("]");
            return optional(new Ast.Slice(pos, target, key, to, false));
        }
        p.expectOp("]");
        return optional(new Ast.Index(pos, target, key, false));
    }

    private static Ast literal(int pos, String s) {
        return new Ast.Literal(pos, Json.text(s));
    }

    private Ast parsePrimary() {
        Token t = p.next();
        switch (t.type()) {
            case NUMBER:
                return new Ast.Literal(t.pos(), JqParser.number(t.text(), t.pos()));
            case STRING:
                return string(t, null);
            case FORMAT:
                if (p.peekToken().type() == TokenType.STRING) {
                    return string(p.next(), "@" + t.text());
                }
                return new Ast.Format(t.pos(), "@" + t.text());
            case FIELD:
                return new Ast.Index(t.pos(), new Ast.Identity(t.pos()), literal(t.pos(), t.text()), false);
            case VAR:
                if (t.text().equals("__loc__")) {
                    return new Ast.Literal(t.pos(), p.locationOf(t.pos()));
                }
                return new Ast.Var(t.pos(), t.text());
            case IDENT:
                return identifier(t);
            case KEYWORD:
                return keyword(t);
            case OP:
                return operatorTerm(t);
            default:
                // t is consumed already (it may be EOF, the last token): report it, do not peek past it.
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
        }
    }

    private Ast operatorTerm(Token t) {
        switch (t.text()) {
            case ".":
                if (p.peekToken().type() == TokenType.STRING) {
                    return optional(new Ast.Index(t.pos(), new Ast.Identity(t.pos()), string(p.next(), null), false));
                }
                return new Ast.Identity(t.pos());
            case "..":
                return new Ast.RecurseAll(t.pos());
            case "(": {
                Ast inner = p.parsePipe();
                p.expectOp(")");
                return inner;
            }
            case "[": {
                if (p.acceptOp("]")) {
                    return new Ast.Collect(t.pos(), null);
                }
                Ast body = p.parsePipe();
                p.expectOp("]");
                return new Ast.Collect(t.pos(), body);
            }
            case "{":
                return new ObjectParser(p, this).parse(t.pos());
            default:
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
        }
    }

    private Ast identifier(Token t) {
        String name = t.text();
        if (name.equals("break") && p.peekToken().type() == TokenType.VAR) {
            return new Ast.Break(t.pos(), p.next().text());
        }
        List<Ast> args = new ArrayList<>();
        if (p.acceptOp("(")) {
            do {
                args.add(p.parsePipe());
            } while (p.acceptOp(";"));
            p.expectOp(")");
        }
        if (args.isEmpty()) {
            switch (name) {
                case "true": return new Ast.Literal(t.pos(), Json.TRUE);
                case "false": return new Ast.Literal(t.pos(), Json.FALSE);
                case "null": return new Ast.Literal(t.pos(), Json.NULL);
                default: break;
            }
        }
        return new Ast.Call(t.pos(), name, args);
    }

    private Ast keyword(Token t) {
        switch (t.text()) {
            case "if":
                return ifRest(t.pos());
            case "try": {
                Ast body = tryOperand();
                Ast handler = p.acceptOp("catch") ? tryOperand() : null;
                return new Ast.Try(t.pos(), body, handler);
            }
            case "reduce": {
                Loop loop = loop(false);
                return new Ast.Reduce(t.pos(), loop.source(), loop.patterns(), loop.init(), loop.update());
            }
            case "foreach": {
                Loop loop = loop(true);
                return new Ast.Foreach(t.pos(), loop.source(), loop.patterns(), loop.init(), loop.update(), loop.extract());
            }
            case "import", "include":
                // Directives come first (ModuleDirectives); here one is out of place, as jq says.
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
            default:
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
        }
    }

    /** The body or handler of {@code try}: a postfix term, possibly negated ({@code try -. catch .}). */
    private Ast tryOperand() {
        if (p.peekToken().is("-")) {
            int pos = p.next().pos();
            return new Ast.Neg(pos, tryOperand());
        }
        return parsePostfix();
    }

    /** The shared shape of {@code reduce}/{@code foreach}: {@code SOURCE as PATTERN (INIT; UPDATE[; EXTRACT])}. */
    private record Loop(Ast source, List<Pattern> patterns, Ast init, Ast update, Ast extract) { }

    /** As in jq 1.8 the source is a whole expression up to {@code as}: {@code reduce .[] / .[] as $x (...)}. */
    private Loop loop(boolean allowExtract) {
        Ast source = p.parseComma();
        p.expectOp("as");
        List<Pattern> patterns = p.patterns();
        p.expectOp("(");
        Ast init = p.parsePipe();
        p.expectOp(";");
        Ast update = p.parsePipe();
        Ast extract = allowExtract && p.acceptOp(";") ? p.parsePipe() : null;
        p.expectOp(")");
        return new Loop(source, patterns, init, update, extract);
    }

    private Ast ifRest(int pos) {
        Ast condition = p.parsePipe();
        p.expectOp("then");
        Ast then = p.parsePipe();
        if (p.peekToken().is("elif")) {
            int elifPos = p.next().pos();
            return new Ast.If(pos, condition, then, ifRest(elifPos));
        }
        Ast otherwise = null;
        if (p.acceptOp("else")) {
            otherwise = p.parsePipe();
        }
        p.expectOp("end");
        return new Ast.If(pos, condition, then, otherwise);
    }

    /** A string token as a literal, or an interpolation when it has embedded expressions or a format. */
    Ast string(Token t, String format) {
        if (t.type() != TokenType.STRING) {
            throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
        }
        List<Object> parts = new ArrayList<>();
        boolean interpolated = false;
        for (Object part : t.parts()) {
            if (part instanceof String s) {
                parts.add(s);
            } else {
                @SuppressWarnings("unchecked")
                List<Token> tokens = (List<Token>) part;
                parts.add(p.subParse(tokens));
                interpolated = true;
            }
        }
        if (!interpolated) {
            return new Ast.Literal(t.pos(), Json.text(parts.isEmpty() ? "" : (String) parts.get(0)));
        }
        return new Ast.Interpolation(t.pos(), parts, format);
    }
}
