package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.portolan.jq.value.JsonText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output is printed exactly as jq 1.8 prints it. */
class FormattingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String compact(String program) {
        return JsonText.compact(Jq.compile(program).first(NullNode.getInstance()).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Number literals keep their text (jq 1.8 with decNumber); computed numbers use jq's double format.
        "1.0                           | 1.0",
        "1.0 + 0                       | 1",
        "1.5                           | 1.5",
        "1e17                          | 1E+17",
        "1e17 + 0                      | 1e+17",
        "1e16 + 0                      | 1e+16",
        "1.5e16 + 0                    | 15000000000000000",
        "5e-324 + 0                    | 5e-324",
        "0 * -1                        | -0",
        "1e300 + 0                     | 1e+300",
        "1.5e300 + 0                   | 1.5e+300",
        "1e1000                        | 1E+1000",
        "-1e1000                       | -1E+1000",
        "1e1000 + 0                    | 1.7976931348623157e+308",
        "-1e1000 + 0                   | -1.7976931348623157e+308",
        "0.00001                       | 0.00001",
        "0.00001 + 0                   | 1e-05",
        "0.0001                        | 0.0001",
        "3.141592653589793238          | 3.141592653589793238",
        "3.141592653589793238 + 0      | 3.141592653589793",
        "0.1 + 0.2                     | 0.30000000000000004",
        "100000000000000000000         | 100000000000000000000",
        "1 / 3                         | 0.3333333333333333",
        "10 / 2                        | 5",
        "-0                            | -0",
        "nan                           | null",
        "[1, 2.5, \"x\"]                | [1,2.5,\"x\"]",
        "{b: 1, a: {c: []}}            | {\"b\":1,\"a\":{\"c\":[]}}",
        "\"tab\\there\\u0001\"          | \"tab\\there\\u0001\"",
        "\"é😀\"                       | \"é😀\"",
        "123456789012                  | 123456789012",
        "1e-7                          | 1E-7",
        "1e-7 + 0                      | 1e-07",
        "12345.678                     | 12345.678",
    })
    void printsValuesLikeJq(String program, String expected) {
        assertThat(compact(program)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"z\":1,\"a\":2,\"m\":3}      | {\"z\":1,\"a\":2,\"m\":3}",
        "[100000000000000000001]       | [100000000000000000001]",
        "{\"a\":1.50}                   | {\"a\":1.5}",
    })
    void passesInputThroughPreservingKeyOrderAndIntegers(String input, String expected) throws Exception {
        assertThat(JsonText.compact(Jq.compile(".").first(MAPPER.readTree(input)).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":[1,{\"b\":null}],\"c\":{}}",
    })
    void prettyPrintsWithTwoSpaces(String input) throws Exception {
        assertThat(JsonText.pretty(MAPPER.readTree(input), "  "))
                .isEqualTo("{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}");
    }
}
