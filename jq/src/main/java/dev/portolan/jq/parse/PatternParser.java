package dev.portolan.jq.parse;

import dev.portolan.jq.value.Json;
import java.util.ArrayList;
import java.util.List;

/** Destructuring patterns after {@code as}. */
final class PatternParser {
    private final JqParser p;

    PatternParser(JqParser parser) {
        this.p = parser;
    }

    Pattern parse() {
        Token t = p.next();
        if (t.type() == TokenType.VAR) {
            return new Pattern.Variable(t.pos(), t.text());
        }
        if (t.is("[")) {
            List<Pattern> elements = new ArrayList<>();
            do {
                elements.add(parse());
            } while (p.acceptOp(","));
            p.expectOp("]");
            return new Pattern.ArrayOf(t.pos(), elements);
        }
        if (t.is("{")) {
            List<Pattern.Field> fields = new ArrayList<>();
            do {
                fields.add(field());
            } while (p.acceptOp(","));
            p.expectOp("}");
            return new Pattern.ObjectOf(t.pos(), fields);
        }
        throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
    }

    private Pattern.Field field() {
        Token t = p.next();
        switch (t.type()) {
            case VAR -> {
                Pattern value = p.acceptOp(":") ? parse() : null;
                return new Pattern.Field(t.text(), new Ast.Literal(t.pos(), Json.text(t.text())), value);
            }
            case IDENT, KEYWORD -> {
                p.expectOp(":");
                return new Pattern.Field(null, new Ast.Literal(t.pos(), Json.text(t.text())), parse());
            }
            case STRING -> {
                Ast key = new TermParser(p).string(t, null);
                p.expectOp(":");
                return new Pattern.Field(null, key, parse());
            }
            default -> {
                if (t.is("(")) {
                    Ast key = p.parsePipe();
                    p.expectOp(")");
                    p.expectOp(":");
                    return new Pattern.Field(null, key, parse());
                }
                throw new ParseError("syntax error, unexpected " + t.describe(), t.pos());
            }
        }
    }
}
