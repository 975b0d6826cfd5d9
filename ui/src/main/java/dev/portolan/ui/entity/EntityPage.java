package dev.portolan.ui.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityJson;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.sync.host.Provenance;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.values.PropertyValues;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /catalog/{blueprint}/entities/{identifier}}: one entity, and
 * {@code POST .../delete} to delete it (the page lists what points at it first).
 */
public final class EntityPage {

    static final int INCOMING_SHOWN = 10;
    private static final int HISTORY_SHOWN = 50;

    private final UiServices services;
    private final Templates templates;

    public EntityPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/catalog/{blueprint}/entities/{identifier}", this::show);
        routes.post("/catalog/{blueprint}/entities/{identifier}/delete", this::delete);
    }

    private void show(Context ctx) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        Entity entity = services.catalog().entities().get(blueprint.identifier(), ctx.pathParam("identifier"));
        EntityView view = view(blueprint, entity);
        templates.page(ctx, "entity/page.jte", Frame.of(ctx, view.title(), Section.CATALOG), view);
    }

    private void delete(Context ctx) {
        String blueprint = ctx.pathParam("blueprint");
        boolean dependents = "true".equals(ctx.formParam("deleteDependents"));
        services.catalog().entities().delete(blueprint, List.of(ctx.pathParam("identifier")), dependents,
                UiRoutes.signedIn(ctx).actor());
        ctx.redirect(Links.catalog(blueprint));
    }

    private EntityView view(Blueprint blueprint, Entity entity) {
        List<EntityView.Field> properties = new ArrayList<>();
        blueprint.properties().definitions().forEach((name, definition) -> properties.add(new EntityView.Field(name,
                definition.json().path("title").asText(name), String.valueOf(definition.type()),
                PropertyValues.property(entity.properties().get(name), definition))));
        List<EntityView.Field> computed = new ArrayList<>();
        blueprint.mirrorProperties().keySet().forEach(name -> computed.add(new EntityView.Field(name, name, "mirror",
                PropertyValues.property(entity.properties().get(name), null))));
        blueprint.calculationProperties().keySet().forEach(name -> computed.add(new EntityView.Field(name, name, "calculation",
                PropertyValues.property(entity.properties().get(name), null))));
        List<EntityView.Outgoing> outgoing = new ArrayList<>();
        blueprint.relations().forEach((name, relation) -> outgoing.add(new EntityView.Outgoing(name,
                relation.title() == null ? name : relation.title(), relation.target(), relation.target(), relation.many(),
                PropertyValues.relation(entity.relations().get(name), relation))));
        String datasource = entity.datasource();
        return new EntityView(blueprint.identifier(), Words.titleOf(blueprint.title(), blueprint.identifier()),
                entity.identifier(), Words.titleOf(entity.title(), entity.identifier()), entity.icon(), entity.team(),
                properties, computed, outgoing, incoming(blueprint, entity), datasource, latestSync(datasource), provenance(entity),
                str(entity.createdAt()), entity.createdBy(), str(entity.updatedAt()), entity.updatedBy(),
                history(blueprint, entity), PropertyValues.pretty(EntityJson.write(entity)),
                Links.entity(blueprint.identifier(), entity.identifier()) + "/edit",
                Links.entity(blueprint.identifier(), entity.identifier()) + "/delete", Links.catalog(blueprint.identifier()));
    }

    /** For every relation of any blueprint that targets this one: the first entities pointing here. */
    private List<EntityView.Incoming> incoming(Blueprint target, Entity entity) {
        List<EntityView.Incoming> groups = new ArrayList<>();
        for (Blueprint source : services.catalog().blueprints().list()) {
            source.relations().forEach((name, relation) -> {
                if (relation.target().equals(target.identifier())) groups.add(incoming(source, name, relation, entity));
            });
        }
        return groups.stream().filter(g -> !g.entities().isEmpty()).toList();
    }

    private EntityView.Incoming incoming(Blueprint source, String name, Relation relation, Entity entity) {
        JsonNode rule = Json.object().put("combinator", "and").set("rules", Json.MAPPER.createArrayNode()
                .add(Json.object().put("property", name).put("operator", "=").put("value", entity.identifier())));
        Query query = QueryParser.parse(rule);
        SearchPage page = services.catalog().entities().search(new SearchRequest(source.identifier(), query, INCOMING_SHOWN, null));
        List<EntityView.Link> links = page.entities().stream().map(e -> new EntityView.Link(Words.titleOf(e.title(), e.identifier()),
                Links.entity(source.identifier(), e.identifier()))).toList();
        String all = Links.catalog(source.identifier()) + "?fp=" + Links.param(name) + "&fo=%3D&fv=" + Links.param(entity.identifier());
        return new EntityView.Incoming(source.identifier(), Words.titleOf(source.title(), source.identifier()), name,
                relation.title() == null ? name : relation.title(), links, page.next() != null, all);
    }

    private String latestSync(String datasource) {
        if (datasource == null) return null;
        List<SyncRecord> latest = services.installations().reports(datasource, 1);
        if (latest.isEmpty()) return null;
        SyncRecord sync = latest.getFirst();
        return sync.state() + ", started " + sync.startedAt();
    }

    private EntityView.Provenance provenance(Entity entity) {
        Provenance found = services.provenance().of(entity).orElse(null);
        if (found == null) return null;
        ResyncOrigin write = found.lastWrite();
        String resyncHref = write == null ? null
                : Links.datasource(found.integration()) + "/history?resync=" + Links.param(write.resyncId());
        String resource = write == null ? null : write.kind() == null ? "reconciliation" : write.kindIdentifier();
        SyncSample sample = found.sample();
        String sampleFrom = sample == null ? null : "object #" + (sample.position() + 1) + " of resource " + sample.kind() + "-"
                + sample.resourceIndex() + ", kept by resync " + sample.resyncId();
        return new EntityView.Provenance(write == null ? null : write.resyncId(), resyncHref, resource, str(found.writtenAt()),
                sample == null || sample.object() == null ? null : PropertyValues.pretty(sample.object()), sampleFrom,
                sample == null ? null : sample.omitted());
    }

    private List<EntityView.Change> history(Blueprint blueprint, Entity entity) {
        List<AuditRecord> records = services.catalog().audit(new AuditQuery(null, blueprint.identifier(), entity.identifier(),
                null, null, "entity", null, null, null, HISTORY_SHOWN));
        return records.stream().map(EntityPage::change).toList();
    }

    static EntityView.Change change(AuditRecord record) {
        List<EntityView.FieldChange> fields = new ArrayList<>();
        JsonNode before = record.diff() == null ? null : record.diff().get("before");
        JsonNode after = record.diff() == null ? null : record.diff().get("after");
        for (String field : record.changedFields() == null ? List.<String>of() : record.changedFields()) {
            fields.add(new EntityView.FieldChange(field, at(before, field), at(after, field)));
        }
        return new EntityView.Change(str(record.timestamp()), record.action().name(), record.origin(), record.status(),
                fields, record.message());
    }

    /** The value at a dotted field path ({@code properties.url}) as short text, or null. */
    private static String at(JsonNode root, String field) {
        JsonNode node = root;
        for (String part : field.split("\\.")) {
            if (node == null || node.isNull()) return null;
            node = node.get(part);
        }
        if (node == null || node.isNull()) return null;
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
