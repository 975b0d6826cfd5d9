package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.portolan.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

class MergePatchTest {

    /** The examples of RFC 7386, appendix A, plus a few of our own. */
    @ParameterizedTest(name = "{0} patched with {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":"b"}                        | {"a":"c"}                      | {"a":"c"}
            {"a":"b"}                        | {"b":"c"}                      | {"a":"b","b":"c"}
            {"a":"b"}                        | {"a":null}                     | {}
            {"a":"b","b":"c"}                | {"a":null}                     | {"b":"c"}
            {"a":["b"]}                      | {"a":"c"}                      | {"a":"c"}
            {"a":"c"}                        | {"a":["b"]}                    | {"a":["b"]}
            {"a":{"b":"c"}}                  | {"a":{"b":"d","c":null}}       | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}                | {"a":[1]}                      | {"a":[1]}
            ["a","b"]                        | ["c","d"]                      | ["c","d"]
            {"a":"b"}                        | ["c"]                          | ["c"]
            {"a":"foo"}                      | null                           | null
            {"a":"foo"}                      | "bar"                          | "bar"
            {"e":null}                       | {"a":1}                        | {"e":null,"a":1}
            [1,2]                            | {"a":"b","c":null}             | {"a":"b"}
            {}                               | {"a":{"bb":{"ccc":null}}}      | {"a":{"bb":{}}}
            {"a":{"b":1,"c":2}}              | {"a":{"c":3}}                  | {"a":{"b":1,"c":3}}
            {"a":{"b":1}}                    | {}                             | {"a":{"b":1}}
            {"a":1}                          | {"a":{"b":null}}               | {"a":{}}
            """)
    void followsRfc7386(String target, String patch, String expected) {
        assertThat(MergePatch.apply(json(target), json(patch)))
                .isEqualTo(json(expected));
    }

    @Test
    void leavesTheTargetUnchanged() {
        JsonNode target = json("{\"a\": {\"b\": 1, \"c\": [1, 2]}, \"d\": \"x\"}");
        JsonNode copy = target.deepCopy();

        MergePatch.apply(target, json("{\"a\": {\"b\": null, \"c\": [3]}, \"d\": null, \"e\": true}"));

        assertThat(target).isEqualTo(copy);
    }

    @Test
    void patchesABlueprintAsItsPatchEndpointDoes() {
        JsonNode stored = BlueprintJson.write(BlueprintJson.read(json("""
                {"identifier": "service", "title": "Service",
                 "schema": {"properties": {"url": {"type": "string"}, "old": {"type": "number"}}, "required": []},
                 "relations": {"owner": {"target": "team", "required": false, "many": false}}}
                """)));

        Blueprint patched = BlueprintJson.read(MergePatch.apply(stored, json("""
                {"title": "Services", "schema": {"properties": {"old": null, "new": {"type": "boolean"}}},
                 "relations": {"owner": null}}
                """)));

        assertThat(patched.title()).isEqualTo("Services");
        assertThat(patched.properties().definitions()).containsOnlyKeys("url", "new");
        assertThat(patched.relations()).isEmpty();
    }
}
