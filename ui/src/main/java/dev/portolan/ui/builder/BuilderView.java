package dev.portolan.ui.builder;

import java.util.List;

/** The builder's index: every blueprint with its shape, and the relation graph. */
public record BuilderView(List<Summary> blueprints, RelationGraph graph) {

    public record Summary(String identifier, String title, String description, int properties, int relations, long entities,
                          String href) {}
}
