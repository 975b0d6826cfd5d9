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

    /** The default blueprints, parsed: Port's blueprint JSON objects. */
    public java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> blueprints() {
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> list = new java.util.ArrayList<>();
        for (var blueprint : dev.portolan.catalog.json.Json.parse(blueprintsJson())) {
            if (!(blueprint instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
                throw new IllegalStateException("Default blueprints must be a JSON array of objects");
            }
            list.add(object);
        }
        return list;
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
