package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * An installed integration as stored: which type, its settings (secrets included: storage only),
 * its mapping (Port's config, as JSON) and how often to resync.
 *
 * @param scheduledResyncInterval minutes between scheduled resyncs; 0 for none
 */
public record Installation(String identifier, String type, String title, ObjectNode settings, ObjectNode config,
                           int scheduledResyncInterval, Instant createdAt, Instant updatedAt) {

    public Installation withSettings(ObjectNode newSettings, Instant now) {
        return new Installation(identifier, type, title, newSettings, config, scheduledResyncInterval, createdAt, now);
    }

    public Installation withConfig(ObjectNode newConfig, Instant now) {
        return new Installation(identifier, type, title, settings, newConfig, scheduledResyncInterval, createdAt, now);
    }

    public Installation withSchedule(String newTitle, int minutes, Instant now) {
        return new Installation(identifier, type, newTitle, settings, config, minutes, createdAt, now);
    }
}
