package dev.portolan.ui.builder;

import java.util.List;

/**
 * One blueprint in the builder: its properties, relations, mirror and calculation properties, its
 * edit form (admins) and its JSON in an editor (admins save it; the API's 422 messages come back next
 * to it, by path).
 *
 * @param json     the JSON in the editor: the stored definition, or what was just refused
 * @param problems what the save was refused for, each with its path in the JSON; empty when none
 * @param isNew    the create form rather than an existing blueprint
 * @param form     the blueprint form (with its problems): to create one, or to edit this one; null for members
 * @param targets  the blueprints a relation of the form may point at
 */
public record BlueprintView(String identifier, String title, String description, String icon, boolean isNew,
                            List<PropertyRow> properties, List<RelationRow> relations, List<DerivedRow> derived,
                            long entities, List<String> referrers, String json, String error, List<Problem> problems,
                            String catalogHref, BlueprintForm form, List<String> targets) {

    public record PropertyRow(String name, String title, String type, String format, boolean required, String enumValues,
                              String description) {}

    public record RelationRow(String name, String title, String target, String targetHref, boolean required, boolean many) {}

    /** A mirror or calculation property: its kind and its definition (path or calculation expression). */
    public record DerivedRow(String name, String kind, String definition) {}

    public record Problem(String path, String message) {}
}
