/** Internal: the builtin functions, by theme, and the prelude written in jq. */
package dev.portolan.jq.builtins;
