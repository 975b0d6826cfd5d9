package dev.portolan.ui;

import dev.portolan.catalog.CatalogService;
import dev.portolan.sync.host.InstallationRepository;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.ManualResync;
import dev.portolan.sync.host.MappingTester;
import dev.portolan.sync.host.ProvenanceLookup;
import dev.portolan.sync.host.SyncStatusFeed;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.ui.home.Quickstart;

import java.time.Clock;

/**
 * The services the pages read and write through: the very ones the {@code /v1} API uses, so a
 * page gets the same validation, audit and rules as an API call. Built once by the server.
 */
public record UiServices(CatalogService catalog, IntegrationManager integrations,
                         InstallationRepository installations, IntegrationRegistry registry, JqEngine jq,
                         Clock clock, SyncStatusFeed feed, MappingTester tester, ProvenanceLookup provenance,
                         Quickstart quickstart, ManualResync manualResync) {}
