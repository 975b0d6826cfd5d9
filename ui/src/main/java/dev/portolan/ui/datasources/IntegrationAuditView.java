package dev.portolan.ui.datasources;

import java.util.ArrayList;
import java.util.List;

/** The Audit log tab of an integration: the entity changes it made. {@code next}: the older page's cursor, or null. */
public record IntegrationAuditView(IntegrationHeader header, String action, String blueprint, String entity, List<String> blueprints,
                                   List<ChangeRow> changes, String next) {

    public String with(String name, String value) {
        List<String[]> params = new ArrayList<>();
        put(params, "action", name.equals("action") ? value : action);
        put(params, "blueprint", name.equals("blueprint") ? value : blueprint);
        put(params, "entity", name.equals("entity") ? value : entity);
        put(params, "before", name.equals("before") ? value : null);
        return Urls.with(header.path() + "/audit", params);
    }

    private static void put(List<String[]> params, String name, String value) {
        if (value != null && !value.isEmpty()) params.add(new String[] {name, value});
    }
}
