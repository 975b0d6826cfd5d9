package dev.portolan.ui.catalog;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A column a catalog page can show: a meta-property ({@code $identifier}, {@code $team},
 * {@code $updatedAt}, ...), a property (declared, mirror or calculation) or a relation.
 */
public record CatalogColumn(String key, String title, Kind kind, boolean sortable) {

    public enum Kind { META, PROPERTY, RELATION }

    private static final Set<String> SORTABLE_META = Set.of("$identifier", "$title", "$createdAt", "$updatedAt");

    /** Every column the blueprint offers, in the order the blueprint declares them. */
    public static List<CatalogColumn> all(Blueprint blueprint) {
        List<CatalogColumn> columns = new ArrayList<>();
        columns.add(meta("$identifier", "Identifier"));
        columns.add(meta("$team", "Team"));
        blueprint.properties().definitions().forEach((name, definition) ->
                columns.add(new CatalogColumn(name, titleOf(name, definition), Kind.PROPERTY, definition.isScalar())));
        blueprint.mirrorProperties().forEach((name, mirror) -> columns.add(new CatalogColumn(name, name, Kind.PROPERTY, false)));
        blueprint.calculationProperties().forEach((name, calc) -> columns.add(new CatalogColumn(name, name, Kind.PROPERTY, false)));
        blueprint.relations().forEach((name, relation) ->
                columns.add(new CatalogColumn(name, relation.title() == null ? name : relation.title(), Kind.RELATION, false)));
        columns.add(meta("$createdAt", "Created"));
        columns.add(meta("$updatedAt", "Updated"));
        return columns;
    }

    /** What a page shows before the reader chooses: identifier, team, the first properties and relations. */
    public static List<CatalogColumn> defaults(List<CatalogColumn> all) {
        List<CatalogColumn> chosen = new ArrayList<>();
        int properties = 0;
        int relations = 0;
        for (CatalogColumn c : all) {
            if (c.key().equals("$identifier") || c.key().equals("$team")
                    || (c.kind() == Kind.PROPERTY && properties++ < 5) || (c.kind() == Kind.RELATION && relations++ < 3)) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static CatalogColumn meta(String key, String title) {
        return new CatalogColumn(key, title, Kind.META, SORTABLE_META.contains(key));
    }

    private static String titleOf(String name, PropertyDefinition definition) {
        String title = definition.json().path("title").asText("");
        return title.isBlank() ? name : title;
    }
}
