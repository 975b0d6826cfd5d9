package dev.portolan.jq;

/**
 * Which source syntax a program is written in.
 *
 * <ul>
 *   <li>{@link #JQ}: jq 1.8 exactly, as the {@code jq} command line reads it.</li>
 *   <li>{@link #MAPPING}: jq 1.8 plus single-quoted string literals ({@code 'text'}), as Port's
 *       mappings allow: Port rewrites {@code '} to {@code "} before running jq, so
 *       {@code .owner.login + '/' + .name} and {@code .a // ''} mean what they mean in Port. Here a
 *       single-quoted literal may stand wherever a string literal may ({@code split('-')},
 *       {@code test('^api')}), with the escapes and interpolation of {@code "..."} plus {@code \'};
 *       a {@code '} inside a double-quoted string stays an apostrophe.</li>
 * </ul>
 */
public enum JqSyntax {
    JQ,
    MAPPING
}
