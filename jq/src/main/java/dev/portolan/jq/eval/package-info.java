/** Internal: the evaluation nodes, bindings and limits of a running program. */
package dev.portolan.jq.eval;
