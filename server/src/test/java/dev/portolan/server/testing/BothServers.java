package dev.portolan.server.testing;

import dev.portolan.store.testing.TestDatabases;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.Stream;

/**
 * The JUnit extension behind {@link ApiTest}: one invocation per dialect, each given the server of
 * that dialect shared by the test class. The servers live in the class's extension store, which
 * closes them ({@link AutoCloseable}) when the class is done.
 */
public final class BothServers implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothServers.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestDatabases.dialects().stream().map(DialectInvocation::new);
    }

    private record DialectInvocation(String dialect) implements TestTemplateInvocationContext, ParameterResolver {

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
            return parameter.getParameter().getType() == ApiServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return classContext(context).getStore(NAMESPACE)
                    .getOrComputeIfAbsent("server-" + dialect, key -> ApiServer.start(dialect), ApiServer.class);
        }

        private static ExtensionContext classContext(ExtensionContext context) {
            ExtensionContext current = context;
            while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
                current = current.getParent().get();
            }
            return current;
        }
    }
}
