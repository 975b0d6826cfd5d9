package dev.portolan.jq.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** jq's reader replayed: where it sees an error, in its words, and what it counts as read. */
class JsonTextErrorsTest {

    @Test
    void aValidTextHasNoErrorAndCountsItsValues() {
        JsonTextErrors.Reading reading = JsonTextErrors.read("{\"a\": [1, \"x\", null]} 2 \"three\"");
        assertThat(reading.error()).isNull();
        assertThat(reading.values()).isEqualTo(3);
    }

    @Test
    void aLiteralIsCheckedWhenTheCharacterAfterItArrives() {
        // The error shows at the ',' (column 7), not where the bad literal starts.
        assertThat(JsonTextErrors.read("[nulll, 1]").error()).isEqualTo("Invalid literal at line 1, column 7");
        assertThat(JsonTextErrors.read("[1, 2x]").error()).isEqualTo("Invalid numeric literal at line 1, column 7");
    }

    @Test
    void columnsCountUtf8BytesAndRestartAfterANewline() {
        assertThat(JsonTextErrors.read("[\"é\" 1]").error())
                .isEqualTo("Expected separator between values at line 1, column 8");
        assertThat(JsonTextErrors.read("[1,\n  ]").error()).isEqualTo("Expected another array element at line 2, column 3");
    }

    @Test
    void valuesBeforeTheErrorAreCounted() {
        JsonTextErrors.Reading reading = JsonTextErrors.read("1 [2] {\"a\" 3}");
        assertThat(reading.values()).isEqualTo(2);
        assertThat(reading.error()).isEqualTo("Expected separator between values at line 1, column 13");
    }

    @Test
    void nestingPastJqsLimitIsRefused() {
        assertThat(JsonTextErrors.read("[".repeat(10_000) + "]".repeat(10_000)).error()).isNull();
        assertThat(JsonTextErrors.read("[".repeat(10_001)).error())
                .isEqualTo("Exceeds depth limit for parsing at line 1, column 10001");
    }

    @Test
    void inASequenceAValueCutShortByTheSeparatorIsTruncated() {
        char rs = JsonTextErrors.RECORD_SEPARATOR;
        assertThat(JsonTextErrors.read("[1, 2" + rs, 1, 0, false, true).error()).isEqualTo("Truncated value at line 1, column 6");
        assertThat(JsonTextErrors.read("12" + rs, 1, 0, false, true).error())
                .isEqualTo("Potentially truncated top-level numeric value at line 1, column 3");
        // A whitespace before the separator: jq drops what was open without a word.
        JsonTextErrors.Reading dropped = JsonTextErrors.read("[1, 2\n" + rs, 1, 0, false, true);
        assertThat(dropped.error()).isNull();
        assertThat(dropped.values()).isZero();
        assertThat(JsonTextErrors.read("[1 2]" + rs, 1, 0, false, true).error())
                .isEqualTo("Expected separator between values at line 1, column 5 (need RS to resync)");
    }

    @Test
    void readingStopsWithThePositionAtTheEndOfTheText() {
        JsonTextErrors.Reading reading = JsonTextErrors.read("[1 2]\nnull\n", 1, 0, true, false);
        assertThat(reading.line()).isEqualTo(3);
        assertThat(reading.column()).isZero();
    }
}
