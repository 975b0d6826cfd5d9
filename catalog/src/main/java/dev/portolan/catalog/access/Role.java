package dev.portolan.catalog.access;

/** What a credential may do: {@code ADMIN} everything; {@code MEMBER} reads and entity writes. */
public enum Role {
    ADMIN, MEMBER
}
