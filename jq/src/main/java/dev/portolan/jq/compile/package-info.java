/** Internal: resolves names lexically and turns the syntax tree into evaluation nodes. */
package dev.portolan.jq.compile;
