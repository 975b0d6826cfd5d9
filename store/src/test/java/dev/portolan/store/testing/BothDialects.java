package dev.portolan.store.testing;

import dev.portolan.catalog.store.CatalogStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.Stream;

/** The JUnit extension behind {@link StoreTest}: one invocation per dialect, with its own database. */
public final class BothDialects implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestDatabases.dialects().stream().map(DialectInvocation::new);
    }

    /** One run of the test on one dialect; creates the database on first use and deletes it afterwards. */
    private static final class DialectInvocation implements TestTemplateInvocationContext, ParameterResolver, AfterEachCallback {

        private final String dialect;
        private TestDatabase database;
        private CatalogStore store;

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
            Class<?> type = parameter.getParameter().getType();
            return type == CatalogStore.class || type == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (database == null) {
                database = TestDatabases.create(dialect);
            }
            if (parameter.getParameter().getType() == TestDatabase.class) {
                return database;
            }
            if (store == null) {
                store = database.openStore();
            }
            return store;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            try {
                if (store != null) {
                    store.close();
                }
            } finally {
                store = null;
                if (database != null) {
                    database.close();
                    database = null;
                }
            }
        }
    }
}
