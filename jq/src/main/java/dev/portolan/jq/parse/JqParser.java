package dev.portolan.jq.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqCompileException;
import dev.portolan.jq.value.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser with jq's operator precedence, lowest first:
 * {@code |}, {@code ,}, {@code //} (right), assignments (non-associative), {@code or}, {@code and},
 * comparisons (non-associative), {@code + -}, {@code * / %}, unary minus, postfix terms.
 * As in jq, {@code Term as $x | body} and {@code def} extend as far right as possible.
 */
public final class JqParser {
    private static final Set<String> ASSIGN_OPS = Set.of("=", "|=", "+=", "-=", "*=", "/=", "%=", "//=");
    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final String source;
    private final List<Token> tokens;
    private int at;

    private JqParser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** Parses a whole program written in standard jq. */
    public static Ast parse(String source) {
        return parse(source, false);
    }

    /**
     * Parses a whole program; with {@code singleQuotes}, {@code 'text'} is a string literal too (the
     * mapping syntax, see {@link Lexer}).
     */
    public static Ast parse(String source, boolean singleQuotes) {
        try {
            JqParser parser = new JqParser(source, new Lexer(source, singleQuotes).tokenize());
            new ModuleDirectives(parser).read();
            Ast ast = parser.parsePipe();
            parser.expectEnd();
            return ast;
        } catch (ParseError e) {
            throw compileError(source, e.getMessage(), e.pos);
        }
    }

    /** Builds a compile exception with jq's location format for a source offset. */
    public static JqCompileException compileError(String source, String message, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = source.indexOf('\n', lineStart);
        String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        return new JqCompileException(message, line, pos - lineStart + 1, text);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token advance() {
        return tokens.get(at++);
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            at++;
            return true;
        }
        return false;
    }

    private Token expect(String op) {
        if (!peek().is(op)) {
            throw unexpected();
        }
        return advance();
    }

    private void expectEnd() {
        if (peek().type() != TokenType.EOF) {
            Token t = peek();
            throw new ParseError("syntax error, unexpected " + t.describe() + ", expecting end of file", t.pos());
        }
    }

    private ParseError unexpected() {
        Token t = peek();
        return new ParseError("syntax error, unexpected " + t.describe(), t.pos());
    }

    Ast parsePipe() {
        Token t = peek();
        if (t.is("def")) {
            return parseDef(true);
        }
        if (t.is("label")) {
            advance();
            Token name = advance();
            if (name.type() != TokenType.VAR) {
                throw new ParseError("syntax error, unexpected " + name.describe() + ", expecting '$'", name.pos());
            }
            expect("|");
            return new Ast.Label(t.pos(), name.text(), parsePipe());
        }
        Ast left = parseComma();
        if (peek().is("as")) {
            return bind(left, this::parsePipe);
        }
        if (peek().is("|")) {
            int pos = advance().pos();
            return new Ast.Pipe(pos, left, parsePipe());
        }
        return left;
    }

    /**
     * {@code Exp as PATTERNS | body}: as in jq 1.8 the whole expression on the left is bound
     * ({@code 1 + 2 as $x | -$x} is -3) and the body extends as far right as {@code rest} reads.
     */
    Ast bind(Ast source, java.util.function.Supplier<Ast> rest) {
        int pos = expect("as").pos();
        List<Pattern> patterns = patterns();
        expect("|");
        return new Ast.Bind(pos, source, patterns, rest.get());
    }

    /** {@code p1 ?// p2 ?// ...} after {@code as}. */
    List<Pattern> patterns() {
        List<Pattern> patterns = new ArrayList<>();
        patterns.add(new PatternParser(this).parse());
        while (accept("?//")) {
            patterns.add(new PatternParser(this).parse());
        }
        return patterns;
    }

    private Ast parseDef(boolean withRest) {
        int pos = expect("def").pos();
        Token name = advance();
        if (name.type() != TokenType.IDENT && name.type() != TokenType.KEYWORD) {
            throw new ParseError("syntax error, unexpected " + name.describe(), name.pos());
        }
        List<String> params = new ArrayList<>();
        if (accept("(")) {
            do {
                Token p = advance();
                if (p.type() == TokenType.VAR) {
                    params.add("$" + p.text());
                } else if (p.type() == TokenType.IDENT || p.type() == TokenType.KEYWORD) {
                    params.add(p.text());
                } else {
                    throw new ParseError("syntax error, unexpected " + p.describe(), p.pos());
                }
            } while (accept(";"));
            expect(")");
        }
        expect(":");
        Ast body = parsePipe();
        expect(";");
        Ast rest = withRest ? parsePipe() : null;
        return new Ast.FuncDef(pos, name.text(), params, body, rest);
    }

    Ast parseComma() {
        Ast left = parseAlternative();
        while (peek().is(",")) {
            int pos = advance().pos();
            left = new Ast.Comma(pos, left, parseAlternative());
        }
        return left;
    }

    Ast parseAlternative() {
        Ast left = parseAssign();
        if (peek().is("//")) {
            int pos = advance().pos();
            return new Ast.Alternative(pos, left, parseAlternative());
        }
        return left;
    }

    private Ast parseAssign() {
        Ast left = parseOr();
        Token t = peek();
        if (t.type() == TokenType.OP && ASSIGN_OPS.contains(t.text())) {
            advance();
            // Non-associative and tighter than '//': `.a = 1 // 2` is `(.a = 1) // 2`, as in jq.
            return new Ast.Assign(t.pos(), t.text(), left, parseOr());
        }
        return left;
    }

    private Ast parseOr() {
        Ast left = parseAnd();
        while (peek().is("or")) {
            int pos = advance().pos();
            left = new Ast.Or(pos, left, parseAnd());
        }
        return left;
    }

    private Ast parseAnd() {
        Ast left = parseCompare();
        while (peek().is("and")) {
            int pos = advance().pos();
            left = new Ast.And(pos, left, parseCompare());
        }
        return left;
    }

    private Ast parseCompare() {
        Ast left = parseAdditive();
        Token t = peek();
        if (t.type() == TokenType.OP && COMPARE_OPS.contains(t.text())) {
            advance();
            Ast right = parseAdditive();
            Token next = peek();
            if (next.type() == TokenType.OP && COMPARE_OPS.contains(next.text())) {
                throw unexpected();
            }
            return new Ast.Binary(t.pos(), t.text(), left, right);
        }
        return left;
    }

    private Ast parseAdditive() {
        return leftAssociative(this::parseMultiplicative, "+", "-");
    }

    private Ast parseMultiplicative() {
        return leftAssociative(this::parseUnary, "*", "/", "%");
    }

    private Ast leftAssociative(java.util.function.Supplier<Ast> operand, String... operators) {
        Ast left = operand.get();
        while (true) {
            Token op = peek();
            if (!java.util.Arrays.stream(operators).anyMatch(op::is)) {
                return left;
            }
            advance();
            left = new Ast.Binary(op.pos(), op.text(), left, operand.get());
        }
    }

    private Ast parseUnary() {
        if (peek().is("-")) {
            int pos = advance().pos();
            return new Ast.Neg(pos, parseUnary());
        }
        if (peek().is("def")) {
            return parseDef(true);
        }
        if (peek().is("label")) {
            return parsePipe();
        }
        return new TermParser(this).parsePostfix();
    }

    // Helpers used by TermParser, which holds the term-level grammar.
    Token peekToken() {
        return peek();
    }

    Token peekAhead(int n) {
        return tokens.get(Math.min(at + n, tokens.size() - 1));
    }

    Token next() {
        return advance();
    }

    boolean acceptOp(String op) {
        return accept(op);
    }

    Token expectOp(String op) {
        return expect(op);
    }

    /** Replaces the current token, used to split {@code ?//} into {@code ?} and {@code //}. */
    void replaceCurrent(Token t) {
        tokens.set(at, t);
    }

    Ast subParse(List<Token> interpolation) {
        JqParser sub = new JqParser(source, new ArrayList<>(interpolation));
        Ast ast = sub.parsePipe();
        sub.expectEnd();
        return ast;
    }

    JsonNode locationOf(int pos) {
        ObjectNode loc = Json.object();
        loc.put("file", "<top-level>");
        int line = 1;
        for (int i = 0; i < pos && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        loc.put("line", line);
        return loc;
    }

    static JsonNode number(String text, int pos) {
        try {
            return dev.portolan.jq.value.Numbers.parse(text.startsWith(".") ? "0" + text : text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ParseError("invalid numeric literal", pos);
        }
    }
}
