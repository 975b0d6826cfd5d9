package dev.portolan.store.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.Stream;

/**
 * A JUnit extension that runs a test template once per dialect ({@link TestDatabases#dialects()}),
 * handing the test a resource of type {@code T} opened for that dialect on first use and closed
 * after the test. Other modules' harnesses extend it with the resource they offer:
 * <pre>{@code
 * public final class SyncHarnessPerDialect extends PerDialect<SyncHarness> {
 *     public SyncHarnessPerDialect() { super(SyncHarness.class, SyncHarness::open); }
 * }
 * }</pre>
 */
public abstract class PerDialect<T extends AutoCloseable> implements TestTemplateInvocationContextProvider {

    /** Opens the resource of one dialect. */
    @FunctionalInterface
    public interface Opener<T> {
        T open(String dialect);
    }

    private final Class<T> type;
    private final Opener<T> opener;

    protected PerDialect(Class<T> type, Opener<T> opener) {
        this.type = type;
        this.opener = opener;
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestDatabases.dialects().stream().map(Invocation::new);
    }

    private final class Invocation implements TestTemplateInvocationContext, ParameterResolver, AfterEachCallback {

        private final String dialect;
        private T resource;

        Invocation(String dialect) {
            this.dialect = dialect;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + dialect + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == type;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (resource == null) resource = opener.open(dialect);
            return resource;
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            if (resource != null) {
                try {
                    resource.close();
                } finally {
                    resource = null;
                }
            }
        }
    }
}
