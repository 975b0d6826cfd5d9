package dev.portolan.ui.builder;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relation graph of all blueprints, laid out for an SVG: blueprints as boxes in columns (a
 * blueprint stands left of every blueprint it points at), relations as labelled arrows.
 * Coordinates are computed here; the template only draws.
 */
public record RelationGraph(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int NODE_WIDTH = 170;
    static final int NODE_HEIGHT = 46;
    private static final int COLUMN_GAP = 110;
    private static final int ROW_GAP = 34;
    private static final int MARGIN = 24;
    /** Room above the first row for the loop of a relation to its own blueprint and its label. */
    private static final int TOP = 56;

    public record Node(String identifier, String title, String href, int x, int y) {}

    /**
     * @param path   SVG path data from the source box to the target box
     * @param labelX where the relation's name is written
     */
    public record Edge(String relation, String path, int labelX, int labelY, boolean many, boolean required) {}

    public static RelationGraph of(List<Blueprint> blueprints) {
        Map<String, Blueprint> byId = new HashMap<>();
        blueprints.forEach(b -> byId.put(b.identifier(), b));
        Map<String, Integer> depth = new HashMap<>();
        blueprints.forEach(b -> depth(b.identifier(), byId, depth, new HashSet<>()));
        int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Node> nodes = new java.util.LinkedHashMap<>();
        for (Blueprint b : blueprints) {
            int column = maxDepth - depth.get(b.identifier());
            int row = rows.merge(column, 1, Integer::sum) - 1;
            nodes.put(b.identifier(), new Node(b.identifier(), Words.titleOf(b.title(), b.identifier()), Links.blueprint(b.identifier()),
                    MARGIN + column * (NODE_WIDTH + COLUMN_GAP), TOP + row * (NODE_HEIGHT + ROW_GAP)));
        }
        List<Edge> edges = new ArrayList<>();
        for (Blueprint b : blueprints) {
            Node from = nodes.get(b.identifier());
            b.relations().forEach((name, relation) -> {
                Node to = nodes.get(relation.target());
                if (to != null) edges.add(edge(name, from, to, relation.many(), relation.required()));
            });
        }
        int maxRows = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = 2 * MARGIN + (maxDepth + 1) * NODE_WIDTH + maxDepth * COLUMN_GAP;
        int height = TOP + MARGIN + maxRows * NODE_HEIGHT + Math.max(0, maxRows - 1) * ROW_GAP + 20;
        return new RelationGraph(width, height, List.copyOf(nodes.values()), List.copyOf(edges));
    }

    /** Longest chain of relations starting at a blueprint (0: it points at nothing); cycles count once. */
    private static int depth(String id, Map<String, Blueprint> byId, Map<String, Integer> memo, Set<String> visiting) {
        Integer known = memo.get(id);
        if (known != null) return known;
        if (!visiting.add(id) || !byId.containsKey(id)) return 0;
        int depth = 0;
        for (var relation : byId.get(id).relations().values()) {
            if (!relation.target().equals(id) && byId.containsKey(relation.target())) {
                depth = Math.max(depth, 1 + depth(relation.target(), byId, memo, visiting));
            }
        }
        visiting.remove(id);
        memo.put(id, depth);
        return depth;
    }

    private static Edge edge(String name, Node from, Node to, boolean many, boolean required) {
        if (from == to) { // a relation to its own blueprint: a loop over the box
            int x = from.x() + NODE_WIDTH - 30;
            int y = from.y();
            return new Edge(name, "M" + x + "," + y + " C" + (x - 10) + "," + (y - 34) + " " + (x + 40) + "," + (y - 34) + " "
                    + (x + 24) + "," + (y + 2), x + 10, y - 26, many, required);
        }
        int x1 = from.x() + NODE_WIDTH;
        int y1 = from.y() + NODE_HEIGHT / 2;
        int x2 = to.x();
        int y2 = to.y() + NODE_HEIGHT / 2;
        if (x2 <= x1) { // same column or backwards (a cycle): leave from the bottom, arrive at the top
            x1 = from.x() + NODE_WIDTH / 2;
            y1 = from.y() + NODE_HEIGHT;
            x2 = to.x() + NODE_WIDTH / 2 + 12;
            y2 = to.y();
        }
        int mx = (x1 + x2) / 2;
        String path = "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2;
        return new Edge(name, path, mx, (y1 + y2) / 2 - 6, many, required);
    }
}
