package dev.portolan.ui.datasources;

import java.util.List;

/** The Audit log tab of an integration: the entity changes it made. {@code next}: the older page's cursor, or null. */
public record IntegrationAuditView(IntegrationHeader header, String action, String blueprint, String entity, List<String> blueprints,
                                   List<ChangeRow> changes, String next) {

    /** The URL of this tab with one parameter changed (null removes it); paging restarts when a filter changes. */
    public String with(String name, String value) {
        return Urls.to(header.path() + "/audit").param("action", Urls.changed(name, "action", value, action))
                .param("blueprint", Urls.changed(name, "blueprint", value, blueprint))
                .param("entity", Urls.changed(name, "entity", value, entity))
                .param("before", Urls.changed(name, "before", value, null)).toString();
    }
}
