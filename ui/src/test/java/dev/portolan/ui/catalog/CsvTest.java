package dev.portolan.ui.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void fieldsAreQuotedWhenTheyMustBeAndFormulasAreDefused() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("-1")).isEqualTo("-1");
        assertThat(Csv.field("-1+cmd|' /C calc'!A0")).startsWith("'-1+cmd");
        assertThat(Csv.field(null)).isEmpty();
    }
}
