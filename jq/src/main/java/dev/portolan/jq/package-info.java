/** Portolan jq module. */
package dev.portolan.jq;
