/** Portolan store module. */
package dev.portolan.store;
