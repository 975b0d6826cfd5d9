/** Portolan bench module. */
package dev.portolan.bench;
