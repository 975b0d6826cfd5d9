/** Internal: jq's view of JSON values: order, arithmetic, paths, formats and printing. */
package dev.portolan.jq.value;
