package dev.portolan.sync.client;

import java.util.List;

/** @param next the cursor of the following page, or null when this is the last one */
public record OwnedPage(List<OwnedEntity> entities, String next) {}
