package dev.portolan.store;

import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;

import java.time.Instant;
import java.util.List;

final class AuditTestRecords {

    private AuditTestRecords() {}

    static AuditRecord record(String identifier, String blueprint, Instant at) {
        return new AuditRecord(null, at, "entity", identifier, blueprint, AuditAction.CREATE, "SUCCESS", "client-1",
                null, List.of("title"), Fixtures.json("{'before': null, 'after': {'title': 'x'}}"), null);
    }

    static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, 1000);
    }
}
