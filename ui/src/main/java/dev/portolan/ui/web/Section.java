package dev.portolan.ui.web;

/** The parts of the UI that the navigation bar lists; a page names the one it belongs to. */
public enum Section {
    HOME("Home", "/"),
    CATALOG("Catalog", "/catalog"),
    BUILDER("Builder", "/builder"),
    DATASOURCES("Data sources", "/datasources"),
    AUDIT("Audit log", "/audit"),
    NONE("", "/");

    private final String title;
    private final String path;

    Section(String title, String path) {
        this.title = title;
        this.path = path;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    /** The sections shown in the navigation bar, in order. */
    public static Section[] navigation() {
        return new Section[] {HOME, CATALOG, BUILDER, DATASOURCES, AUDIT};
    }
}
