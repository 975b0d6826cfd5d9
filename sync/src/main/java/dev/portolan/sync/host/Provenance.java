package dev.portolan.sync.host;

import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.catalog.integration.SyncSample;

import java.time.Instant;

/**
 * Where an entity came from: the integration that owns it, the resync and resource of its mapping
 * that last wrote it, and the raw object that produced it when the latest resync kept that object.
 *
 * @param integration  the owning integration (the entity's datasource)
 * @param lastWrite    the resync (and resource) of the newest write by that integration; null when it was
 *                     written outside a resync (a live event) or before resyncs were recorded
 * @param writtenAt    when that write happened; null when unknown
 * @param sample       the raw object from the latest resync that kept samples; null when none produced it
 */
public record Provenance(String integration, ResyncOrigin lastWrite, Instant writtenAt, SyncSample sample) {}
