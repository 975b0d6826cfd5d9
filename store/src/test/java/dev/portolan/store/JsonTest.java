package dev.portolan.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    /** Audit rows stored Jackson's text of their changed fields before; the same texts give the same column. */
    @Test
    void aListOfTextsIsWrittenAsJacksonWritesIt() {
        List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of("properties.url", "relations.owner", "team"),
                Arrays.asList("a \"quoted\" \\ text", null, "tab\there, line\nbreak, bell\u0007, é, 日本, \uD83D\uDE00, \u2028")));
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            List<String> list = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) text.append((char) random.nextInt(0x3000));
                list.add(text.toString());
            }
            lists.add(list);
        }
        for (List<String> list : lists) {
            ArrayNode jackson = Json.MAPPER.createArrayNode();
            list.forEach(jackson::add);
            assertThat(Json.writeStrings(list)).isEqualTo(jackson.toString());
        }
        assertThat(Json.writeStrings(null)).isEqualTo("[]");
    }
}
