package dev.portolan.bench.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.value.JsonText;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-run comparison with the system jq: writes N repositories (one JSON text per line) to a
 * temporary file, then maps the file with {@code /usr/bin/jq -c MAPPING file}, with our engine in
 * this JVM (parse, map, print compact to a discarded stream) and with our jq command line in a new
 * JVM (JVM start-up included), and prints the wall-clock times.
 *
 * <p>Usage: {@code JqVersusSystemJq [N=1000000] [jq=/usr/bin/jq]}
 */
public final class JqVersusSystemJq {
    private JqVersusSystemJq() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String jq = args.length > 1 ? args[1] : "/usr/bin/jq";
        Path file = Files.createTempFile("portolan-jq-bench", ".json");
        try {
            write(file, count);
            System.out.printf("%d repositories, %.1f MB%n", count, Files.size(file) / 1e6);
            long ours = timeOurs(file);
            long oursProcess = timeProcess(file, ourCommandLine());
            long theirs = timeProcess(file, List.of(jq, "-c", RepositoryFixture.MAPPING));
            System.out.printf("portolan-jq in process:          %6d ms%n", ours);
            System.out.printf("portolan-jq command line (JVM):  %6d ms%n", oursProcess);
            System.out.printf("%s -c:                    %6d ms%n", jq, theirs);
            System.out.printf("speed-up in process: %.2fx, as a process: %.2fx%n",
                    (double) theirs / ours, (double) theirs / oursProcess);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int count) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                w.write(mapper.writeValueAsString(RepositoryFixture.repository(i)));
                w.write('\n');
            }
        }
    }

    private static long timeOurs(Path file) throws IOException {
        long start = System.nanoTime();
        JqProgram program = Jq.compile(RepositoryFixture.MAPPING);
        ObjectMapper mapper = new ObjectMapper();
        try (MappingIterator<JsonNode> inputs = mapper.readerFor(JsonNode.class).readValues(file.toFile());
             Writer out = new BufferedWriter(new OutputStreamWriter(java.io.OutputStream.nullOutputStream(),
                     StandardCharsets.UTF_8), 1 << 16)) {
            while (inputs.hasNext()) {
                for (JsonNode v : program.apply(inputs.next())) {
                    out.write(JsonText.compact(v));
                    out.write('\n');
                }
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Our jq command line in a new JVM with this JVM's class path: a whole-process comparison. */
    private static List<String> ourCommandLine() {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(javaBinary, "-cp", System.getProperty("java.class.path"),
                "dev.portolan.jq.cli.JqCommandLine", "-c", RepositoryFixture.MAPPING);
    }

    private static long timeProcess(Path file, List<String> command) throws IOException, InterruptedException {
        List<String> withFile = new ArrayList<>(command);
        withFile.add(file.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(withFile)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException(withFile.get(0) + " exited with " + p.exitValue());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
