package dev.portolan.integrations.git;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bytes per programming language, by file extension (as GitHub's language bar, without its heuristics). */
final class Languages {

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
        add("Java", "java");
        add("Kotlin", "kt", "kts");
        add("Scala", "scala");
        add("Groovy", "groovy", "gradle");
        add("Python", "py");
        add("JavaScript", "js", "mjs", "cjs", "jsx");
        add("TypeScript", "ts", "tsx");
        add("Go", "go");
        add("Rust", "rs");
        add("C", "c", "h");
        add("C++", "cc", "cpp", "cxx", "hpp", "hh");
        add("C#", "cs");
        add("Ruby", "rb");
        add("PHP", "php");
        add("Swift", "swift");
        add("Objective-C", "m", "mm");
        add("Shell", "sh", "bash", "zsh");
        add("PowerShell", "ps1");
        add("HTML", "html", "htm");
        add("CSS", "css", "scss", "sass", "less");
        add("Vue", "vue");
        add("Dart", "dart");
        add("Elixir", "ex", "exs");
        add("Erlang", "erl");
        add("Haskell", "hs");
        add("Clojure", "clj", "cljs");
        add("Lua", "lua");
        add("Perl", "pl", "pm");
        add("R", "r");
        add("SQL", "sql");
        add("HCL", "tf", "hcl");
        add("Dockerfile", "dockerfile");
        add("Makefile", "mk");
        add("Jupyter Notebook", "ipynb");
    }

    private final Map<String, Long> bytes = new HashMap<>();
    private long total;

    private static void add(String language, String... extensions) {
        for (String e : extensions) BY_EXTENSION.put(e, language);
    }

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile")) return "Dockerfile";
        if (name.equals("makefile")) return "Makefile";
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
    }

    void add(String path, long size) {
        String language = of(path);
        if (language == null) return;
        bytes.merge(language, size, Long::sum);
        total += size;
    }

    void remove(String path, long size) {
        add(path, -size);
        bytes.values().removeIf(n -> n == 0);
    }

    /** Bytes per language (a copy), to keep between resyncs. */
    Map<String, Long> bytes() {
        return new HashMap<>(bytes);
    }

    static Languages of(Map<String, Long> bytes) {
        Languages languages = new Languages();
        bytes.forEach((language, n) -> {
            languages.bytes.put(language, n);
            languages.total += n;
        });
        return languages;
    }

    /** Language → share of the bytes of recognised files (0..1, four decimals), largest first. */
    Map<String, Double> shares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> shares.put(e.getKey(), total == 0 ? 0 : Math.round(e.getValue() * 10000.0 / total) / 10000.0));
        return shares;
    }

    /** The language with the most bytes, or null. */
    String main() {
        return bytes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }
}
