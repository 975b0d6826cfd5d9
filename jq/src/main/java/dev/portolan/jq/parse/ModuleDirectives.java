package dev.portolan.jq.parse;

/**
 * The directives a jq program may start with: {@code module META;}, then any number of
 * {@code import PATH as NAME [META];} and {@code include PATH [META];}.
 *
 * <p>Portolan's jq has no module system. A {@code module} directive only carries metadata (read by
 * jq's {@code modulemeta}), so a well-formed one is accepted and ignored. An import or include is
 * refused with an error that names it; before that, the directive is checked as jq checks it, so
 * a malformed one gets jq's message ("Module metadata must be constant", "Import path must be
 * constant").
 */
final class ModuleDirectives {
    private final JqParser p;

    ModuleDirectives(JqParser parser) {
        this.p = parser;
    }

    /** Reads the directives at the start of the program, leaving the parser on the program's body. */
    void read() {
        // In jq `module` is a keyword; here it is a directive only as the program's first word.
        if (p.peekToken().type() == TokenType.IDENT && p.peekToken().text().equals("module")) {
            p.next();
            metadata();
            p.expectOp(";");
        }
        while (p.peekToken().is("import") || p.peekToken().is("include")) {
            refuse(p.next());
        }
    }

    private void refuse(Token directive) {
        Ast path = new TermParser(p).string(p.next(), null);
        if (!(path instanceof Ast.Literal lit && lit.value().isTextual())) {
            throw new ParseError("Import path must be constant", path.pos());
        }
        if (directive.is("import")) {
            p.expectOp("as");
            p.next();
        }
        if (!p.peekToken().is(";")) {
            metadata();
        }
        throw new ParseError(directive.text() + " is not supported: Portolan's jq has no module system"
                + " (" + directive.text() + " \"" + ((Ast.Literal) path).value().textValue() + "\")", directive.pos());
    }

    /** A directive's metadata: a constant object, as jq requires. Errors point at its first token. */
    private void metadata() {
        int at = p.peekToken().pos();
        Ast metadata = p.parsePipe();
        if (!isConstant(metadata)) {
            throw new ParseError("Module metadata must be constant", at);
        }
        if (!(metadata instanceof Ast.ObjectCons)) {
            throw new ParseError("Module metadata must be an object", at);
        }
    }

    /** A value written out in full: literals, and arrays and objects made only of them. */
    private static boolean isConstant(Ast ast) {
        return switch (ast) {
            case Ast.Literal lit -> true;
            case Ast.Collect c -> c.body() == null || isConstant(c.body());
            case Ast.Comma c -> isConstant(c.left()) && isConstant(c.right());
            case Ast.ObjectCons o -> o.entries().stream()
                    .allMatch(e -> e.key() instanceof Ast.Literal && e.value() != null && isConstant(e.value()));
            default -> false;
        };
    }
}
