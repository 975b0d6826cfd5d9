/** Portolan server module. */
package dev.portolan.server;
