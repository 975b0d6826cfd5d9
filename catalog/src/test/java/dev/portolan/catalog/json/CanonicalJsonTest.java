package dev.portolan.catalog.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored content hashes were computed over Jackson's canonical output: the hand-written writer must
 * give exactly that text, and exactly the bytes {@code getBytes(UTF_8)} gave, for every value.
 */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) all.append((char) c); // lone surrogates included
        assertSameAsJackson(NODES.textNode(all.toString()));
        for (int c = 0; c < 0x80; c++) {
            assertSameAsJackson(NODES.objectNode().put("k" + (char) c, "v" + (char) c + "w"));
        }
        assertSameAsJackson(NODES.textNode("\ud83d\ude80 rocket, \ud83d lone high, \ude80 lone low, \udc00\ud800 reversed"));
    }

    @Test
    void randomDocumentsAreWrittenAsJacksonWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 3_000; i++) {
            assertSameAsJackson(randomValue(random, 0));
        }
    }

    @Test
    void sortsKeysAndWritesEqualNumbersAlike() {
        JsonNode a = Json.parse("{\"b\": [1, 1.50, {\"y\": null, \"x\": true}], \"a\": \"\\u0001\\n\", \"c\": 1e3}");
        assertThat(Json.canonical(a)).isEqualTo("{\"a\":\"\\u0001\\n\",\"b\":[1,1.5,{\"x\":true,\"y\":null}],\"c\":1000}");
        assertThat(Json.canonical(Json.parse("[]"))).isEqualTo("[]");
        assertThat(Json.canonical(Json.parse("{\"e\": {}, \"a\": [[], [{}]]}"))).isEqualTo("{\"a\":[[],[{}]],\"e\":{}}");
    }

    @Test
    void largeObjectsAreSortedAsSmallOnesAre() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int size : new int[] {31, 32, 33, 200}) {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < size; i++) object.put("k" + random.nextInt(1_000_000), i);
            assertSameAsJackson(object);
            assertSameAsJackson(NODES.arrayNode().add(object).add(object));
        }
    }

    @Test
    void aReusedWriterStartsAfreshAfterReset() {
        CanonicalJson writer = new CanonicalJson();
        writer.value(Json.parse("{\"a\": [1, {\"b\": 2}]}"));
        assertThat(writer.reset().value(Json.parse("[3, 4]")).toString()).isEqualTo("[3,4]");
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 5_000; i++) longText.append("\u0001é");
        assertThat(writer.reset().value(NODES.textNode(longText.toString())).toString())
                .isEqualTo(jacksonCanonical(NODES.textNode(longText.toString())));
    }

    private static void assertSameAsJackson(JsonNode node) throws Exception {
        String expected = jacksonCanonical(node);
        CanonicalJson writer = new CanonicalJson().value(node);
        assertThat(writer.toString()).isEqualTo(expected);
        MessageDigest ours = MessageDigest.getInstance("SHA-256");
        writer.digestInto(ours);
        assertThat(ours.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextInt());
            case 4 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(-30, 30)));
            case 5 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 6 -> NODES.textNode(randomText(random));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) array.add(randomValue(random, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) object.set(randomText(random), randomValue(random, depth + 1));
                yield object;
            }
        };
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append((char) switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> random.nextInt(0x20, 0x80);
                case 2 -> random.nextInt(0x80, 0x800);
                default -> random.nextInt(0x800, 0x10000);
            });
        }
        return text.toString();
    }

    /** How content was made canonical before: Jackson's generator, keys sorted at every level. */
    private static String jacksonCanonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            writeJackson(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void writeJackson(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                generator.writeFieldName(field.getKey());
                writeJackson(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) writeJackson(element, generator);
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            generator.writeNull();
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            generator.writeNumber(node.longValue());
        } else {
            BigDecimal number = node.decimalValue().stripTrailingZeros();
            generator.writeNumber(Math.abs(number.scale()) <= 1000 ? number.toPlainString() : number.toString());
        }
    }
}
