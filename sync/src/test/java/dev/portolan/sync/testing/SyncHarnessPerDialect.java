package dev.portolan.sync.testing;

import dev.portolan.store.testing.TestDatabases;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.Stream;

/** The JUnit extension behind {@link SyncTest}: one invocation per dialect, each with its own {@link SyncHarness}. */
public final class SyncHarnessPerDialect implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestDatabases.dialects().stream().map(DialectInvocation::new);
    }

    private static final class DialectInvocation implements TestTemplateInvocationContext, ParameterResolver, AfterEachCallback {

        private final String dialect;
        private SyncHarness harness;

        DialectInvocation(String dialect) {
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
            return parameter.getParameter().getType() == SyncHarness.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (harness == null) harness = SyncHarness.open(dialect);
            return harness;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (harness != null) {
                try {
                    harness.close();
                } finally {
                    harness = null;
                }
            }
        }
    }
}
