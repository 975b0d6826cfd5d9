package dev.portolan.integrations.github;

import dev.portolan.sync.spi.FetchException;

/** How requests to GitHub authenticate: a token, or a GitHub App's installation token. Thread-safe. */
interface Credentials {

    /** The {@code Authorization} header for the next request (an installation token is renewed here before it expires). */
    String authorization() throws FetchException;

    /** GitHub refused the last one (401): forget it; true when a new one may be accepted, so that a retry makes sense. */
    boolean refused();

    /** For messages: what authenticates, never the secret itself. */
    String describe();
}
