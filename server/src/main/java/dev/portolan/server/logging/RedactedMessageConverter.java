package dev.portolan.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.portolan.catalog.integration.SecretUrls;

/**
 * The server log's {@code %msg}: the message with credentials in its URLs redacted
 * ({@link SecretUrls}), whichever library logged it. Configured in {@code logback.xml}.
 */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretUrls.redact(super.convert(event));
    }
}
