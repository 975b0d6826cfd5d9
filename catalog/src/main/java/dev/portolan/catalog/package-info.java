/** Portolan catalog module. */
package dev.portolan.catalog;
