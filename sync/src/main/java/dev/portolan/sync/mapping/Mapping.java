package dev.portolan.sync.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An integration's mapping: Port's YAML config, unchanged, so that existing Port mappings work.
 *
 * @param entityDeletionThreshold 0..1: the largest share of owned entities one resync may delete
 * @param extra                   the integration's own root fields, kept as given
 */
public record Mapping(boolean deleteDependentEntities, boolean createMissingRelatedEntities, boolean enableMergeEntity,
                      double entityDeletionThreshold, List<ResourceMapping> resources, ObjectNode extra) {

    public static final double DEFAULT_DELETION_THRESHOLD = 0.9;
}
