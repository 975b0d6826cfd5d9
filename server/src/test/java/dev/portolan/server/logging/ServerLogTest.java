package dev.portolan.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The server log as the server's own {@code logback.xml} configures it (tests run with another configuration). */
class ServerLogTest {

    @Test
    void theServerLogRedactsCredentialsInUrlsOfMessagesAndStackTraces() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var encoder = (PatternLayoutEncoder) ((OutputStreamAppender<?>) root.getAppender("STDOUT")).getEncoder();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), root, Level.WARN,
                "GET {} failed", new IllegalStateException("while reading https://u:pw@h/x?token=zq7Tok"),
                new Object[]{"https://h/items?api_key=s3cr3t&limit=5"});

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();

        assertThat(line).contains("GET https://h/items?api_key=********&limit=5 failed", "https://u:********@h/x?token=********")
                .doesNotContain("s3cr3t", "pw@", "zq7Tok");
    }
}
