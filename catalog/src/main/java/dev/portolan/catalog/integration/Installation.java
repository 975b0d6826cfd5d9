package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * An installed integration as stored: which type, its settings (secrets included: storage only),
 * its mapping (Port's config, as JSON) and how often to resync.
 *
 * @param scheduledResyncInterval minutes between scheduled resyncs; 0 for none
 * @param remote                  true when it runs in a process of its own ({@code portolan integration run})
 *                                and only reports here: the server never runs it, and keeps no settings for it
 */
public record Installation(String identifier, String type, String title, ObjectNode settings, ObjectNode config,
                           int scheduledResyncInterval, boolean remote, Instant createdAt, Instant updatedAt) {

    public Installation withSettings(ObjectNode newSettings, Instant now) {
        return new Installation(identifier, type, title, newSettings, config, scheduledResyncInterval, remote, createdAt, now);
    }

    public Installation withConfig(ObjectNode newConfig, Instant now) {
        return new Installation(identifier, type, title, settings, newConfig, scheduledResyncInterval, remote, createdAt, now);
    }

    public Installation withSchedule(String newTitle, int minutes, Instant now) {
        return new Installation(identifier, type, newTitle, settings, config, minutes, remote, createdAt, now);
    }
}
