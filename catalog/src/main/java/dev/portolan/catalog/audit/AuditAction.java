package dev.portolan.catalog.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE
}
