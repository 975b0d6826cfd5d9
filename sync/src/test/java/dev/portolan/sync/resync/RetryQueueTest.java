package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryQueueTest {

    private static ObjectNode entity(String identifier, String relations) {
        return (ObjectNode) Json.parse("{\"identifier\": \"" + identifier + "\", \"relations\": " + relations + "}");
    }

    private static List<List<String>> layers(RetryQueue queue) {
        return queue.inDependencyOrder().stream().map(layer -> layer.stream().map(RetryQueue.Pending::key).toList()).toList();
    }

    @Test
    void isEmptyUntilSomethingIsAdded() {
        RetryQueue queue = new RetryQueue();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.inDependencyOrder()).isEmpty();

        queue.add("service", entity("a", "{}"), null);

        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void putsTargetsBeforeTheEntitiesPointingAtThem() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("c", "{\"parent\": \"b\"}"), null);
        queue.add("group", entity("b", "{\"parent\": \"a\"}"), null);
        queue.add("group", entity("a", "{\"parent\": \"outside\"}"), null);

        assertThat(layers(queue)).containsExactly(List.of("group/a"), List.of("group/b"), List.of("group/c"));
    }

    @Test
    void retriesIndependentEntitiesTogether() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("s1", "{\"team\": \"core\"}"), null);
        queue.add("service", entity("s2", "{\"team\": \"edge\"}"), null);
        queue.add("team", entity("core", "{}"), null);

        assertThat(layers(queue)).containsExactly(List.of("service/s2", "team/core"), List.of("service/s1"));
    }

    @Test
    void followsManyRelations() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("s", "{\"dependsOn\": [\"x\", \"y\"]}"), null);
        queue.add("service", entity("y", "{}"), null);
        queue.add("service", entity("x", "{\"dependsOn\": [\"y\"]}"), null);

        assertThat(layers(queue)).containsExactly(List.of("service/y"), List.of("service/x"), List.of("service/s"));
    }

    @Test
    void takesACycleAsItCame() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("z", "{\"parent\": \"root\"}"), null);
        queue.add("group", entity("x", "{\"parent\": \"y\"}"), null);
        queue.add("group", entity("y", "{\"parent\": \"x\"}"), null);
        queue.add("group", entity("root", "{}"), null);

        assertThat(layers(queue)).containsExactly(List.of("group/root"), List.of("group/z"), List.of("group/x", "group/y"));
    }

    @Test
    void ignoresAnEntityPointingAtItself() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("self", "{\"parent\": \"self\"}"), null);

        assertThat(layers(queue)).containsExactly(List.of("group/self"));
    }

    @Test
    void keepsTheLatestVersionOfAnEntityAddedTwice() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("a", "{\"team\": \"old\"}"), null);
        queue.add("service", entity("a", "{\"team\": \"new\"}"), null);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.inDependencyOrder().getFirst().getFirst().entity().path("relations").path("team").asText()).isEqualTo("new");
    }
}
