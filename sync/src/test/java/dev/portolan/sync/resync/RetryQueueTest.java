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

        queue.add("service", entity("a", "{}"));

        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void putsTargetsBeforeTheEntitiesPointingAtThem() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("c", "{\"parent\": \"b\"}"));
        queue.add("group", entity("b", "{\"parent\": \"a\"}"));
        queue.add("group", entity("a", "{\"parent\": \"outside\"}"));

        assertThat(layers(queue)).containsExactly(List.of("group/a"), List.of("group/b"), List.of("group/c"));
    }

    @Test
    void retriesIndependentEntitiesTogether() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("s1", "{\"team\": \"core\"}"));
        queue.add("service", entity("s2", "{\"team\": \"edge\"}"));
        queue.add("team", entity("core", "{}"));

        assertThat(layers(queue)).containsExactly(List.of("service/s2", "team/core"), List.of("service/s1"));
    }

    @Test
    void followsManyRelations() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("s", "{\"dependsOn\": [\"x\", \"y\"]}"));
        queue.add("service", entity("y", "{}"));
        queue.add("service", entity("x", "{\"dependsOn\": [\"y\"]}"));

        assertThat(layers(queue)).containsExactly(List.of("service/y"), List.of("service/x"), List.of("service/s"));
    }

    @Test
    void takesACycleAsItCame() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("z", "{\"parent\": \"root\"}"));
        queue.add("group", entity("x", "{\"parent\": \"y\"}"));
        queue.add("group", entity("y", "{\"parent\": \"x\"}"));
        queue.add("group", entity("root", "{}"));

        assertThat(layers(queue)).containsExactly(List.of("group/root"), List.of("group/z"), List.of("group/x", "group/y"));
    }

    @Test
    void ignoresAnEntityPointingAtItself() {
        RetryQueue queue = new RetryQueue();
        queue.add("group", entity("self", "{\"parent\": \"self\"}"));

        assertThat(layers(queue)).containsExactly(List.of("group/self"));
    }

    @Test
    void keepsTheLatestVersionOfAnEntityAddedTwice() {
        RetryQueue queue = new RetryQueue();
        queue.add("service", entity("a", "{\"team\": \"old\"}"));
        queue.add("service", entity("a", "{\"team\": \"new\"}"));

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.inDependencyOrder().getFirst().getFirst().entity().path("relations").path("team").asText()).isEqualTo("new");
    }
}
