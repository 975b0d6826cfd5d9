package dev.portolan.sync.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An integration's default blueprints (a JSON array, Port's blueprint shape) and default mapping
 * (Port's YAML), kept as resource files next to the integration's classes.
 */
public record IntegrationDefaults(String blueprintsJson, String mappingYaml) {

    /** Reads {@code blueprints.json} and {@code mapping.yaml} from {@code folder} on the classpath of {@code owner}. */
    public static IntegrationDefaults fromResources(Class<?> owner, String folder) {
        return new IntegrationDefaults(read(owner, folder + "/blueprints.json"), read(owner, folder + "/mapping.yaml"));
    }

    private static String read(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("Missing resource " + path + " next to " + owner.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
