package dev.portolan.bench.jq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Portolan's jq engine against jackson-jq 1.6.2 on the repository → entity mapping: one
 * operation maps {@value #BATCH} repositories, compiled once.
 *
 * <p>Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main JqMappingBenchmark}
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JqMappingBenchmark {
    static final int BATCH = 1000;

    private JsonNode[] repositories;
    private JqProgram portolan;
    private JsonQuery jacksonJq;
    private Scope jacksonScope;

    @Setup
    public void setUp() throws Exception {
        repositories = RepositoryFixture.repositories(BATCH);
        portolan = Jq.compile(RepositoryFixture.MAPPING);
        Scope root = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
        jacksonScope = Scope.newChildScope(root);
        jacksonJq = JsonQuery.compile(RepositoryFixture.MAPPING, Versions.JQ_1_6);
    }

    @Benchmark
    public void portolanJq(Blackhole hole) {
        for (JsonNode repo : repositories) {
            hole.consume(portolan.first(repo).orElseThrow());
        }
    }

    @Benchmark
    public void jacksonJq(Blackhole hole) throws Exception {
        for (JsonNode repo : repositories) {
            List<JsonNode> out = new ArrayList<>(1);
            jacksonJq.apply(jacksonScope, repo, out::add);
            hole.consume(out.get(0));
        }
    }
}
