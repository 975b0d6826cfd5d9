/**
 * Portolan's jq engine. The public API is this package: {@link dev.portolan.jq.Jq} compiles a
 * program into a thread-safe {@link dev.portolan.jq.JqProgram}, evaluated with a
 * {@link dev.portolan.jq.JqRuntime}; errors are {@link dev.portolan.jq.JqCompileException},
 * {@link dev.portolan.jq.JqException}, {@link dev.portolan.jq.JqLimitException} and
 * {@link dev.portolan.jq.JqHaltException}. {@code dev.portolan.jq.cli} holds the jq command line.
 * The other subpackages are internal and may change without notice.
 */
package dev.portolan.jq;
