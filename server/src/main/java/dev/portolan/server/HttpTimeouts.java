package dev.portolan.server;

import java.time.Duration;

/**
 * How long the HTTP server waits on a client. Every request is handled on a virtual thread, so a
 * client that stalls costs no platform thread; these timeouts then bound how long it holds its
 * connection.
 *
 * @param idle    a connection with no traffic at all is closed after this (keep-alive included)
 * @param read    a request whose headers or body stop arriving is ended after this (the
 *                connection is closed), so a client that sends headers and never its body is dropped
 */
public record HttpTimeouts(Duration idle, Duration read) {

    public static final HttpTimeouts DEFAULT = new HttpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10));
}
