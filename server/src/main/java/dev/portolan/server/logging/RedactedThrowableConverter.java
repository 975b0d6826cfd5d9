package dev.portolan.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.portolan.catalog.integration.SecretUrls;

/**
 * The server log's stack traces with credentials in URLs redacted ({@link SecretUrls}): an
 * exception's message often quotes the URL that failed. Configured in {@code logback.xml}.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretUrls.redact(super.convert(event));
    }
}
