package dev.portolan.sync.mapper;

/**
 * Why a leaf of a mapping gave nothing usable for one object: where in the mapping, the jq
 * expression, and jq's message (or what was wrong with the value).
 *
 * @param path  e.g. {@code resources[0].port.entity.mappings.properties.url}
 */
public record MappingProblem(String path, String expression, String message) {

    @Override
    public String toString() {
        return path + " (" + expression + "): " + message;
    }
}
