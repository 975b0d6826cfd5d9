package dev.portolan.ui.home;

import java.util.Optional;

/**
 * A one-click install the home page offers: the Git integration on the repository the server was
 * started from. The server provides it (the UI knows no integration type); thread-safe.
 */
public interface Quickstart {

    /** Nothing to offer. */
    Quickstart NONE = new Quickstart() {
        @Override
        public Optional<Offer> offer() {
            return Optional.empty();
        }

        @Override
        public String install() {
            throw new IllegalStateException("no quickstart is offered");
        }
    };

    /** What can be offered now; empty when the server was not started in a Git repository. */
    Optional<Offer> offer();

    /**
     * Installs on the offered repository and starts its first resync.
     *
     * @return the installation's identifier
     * @throws dev.portolan.catalog.CatalogException 409 when it is installed already, 422 when nothing is offered
     */
    String install();

    /**
     * @param directory   the repository's folder
     * @param installed   whether an installation reads it already
     * @param integration the identifier of that installation, or of the one a click would make
     */
    record Offer(String directory, boolean installed, String integration) {}
}
