package dev.portolan.sync.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathGlobTest {

    @Test
    void aStarMatchesWithinOneSegmentAndADoubleStarAcrossSegments() {
        assertThat(PathGlob.of("services/*/port.yml").matches("services/orders/port.yml")).isTrue();
        assertThat(PathGlob.of("services/*/port.yml").matches("services/a/b/port.yml")).isFalse();
        assertThat(PathGlob.of("services/**/port.yml").matches("services/a/b/port.yml")).isTrue();
        assertThat(PathGlob.of("services/**/port.yml").matches("services/port.yml")).isTrue();
    }

    @Test
    void aBareNameMatchesAtAnyDepthAndALeadingSlashAnchorsAtTheRoot() {
        assertThat(PathGlob.of("port.yml").matches("a/b/port.yml")).isTrue();
        assertThat(PathGlob.of("/port.yml").matches("a/b/port.yml")).isFalse();
        assertThat(PathGlob.of("/port.yml").matches("port.yml")).isTrue();
    }

    @Test
    void aQuestionMarkIsOneCharacterAndOtherCharactersAreLiteral() {
        assertThat(PathGlob.of("/v?.json").matches("v1.json")).isTrue();
        assertThat(PathGlob.of("/v?.json").matches("v10.json")).isFalse();
        assertThat(PathGlob.of("/a+b.json").matches("a+b.json")).isTrue();
        assertThat(PathGlob.of("/a+b.json").matches("aab.json")).isFalse();
    }

    @Test
    void anyOfMatchesWhenOneGlobDoes() {
        assertThat(PathGlob.anyOf(List.of("/*.yaml", "/*.json")).test("x.json")).isTrue();
        assertThat(PathGlob.anyOf(List.of("/*.yaml", "/*.json")).test("x.txt")).isFalse();
    }

    @Test
    void theLiteralPrefixIsTheFolderBeforeTheFirstWildcard() {
        assertThat(PathGlob.of("services/*/port.yml").literalPrefix()).isEqualTo("services");
        assertThat(PathGlob.of("/apps/web/*.json").literalPrefix()).isEqualTo("apps/web");
        assertThat(PathGlob.of("port.yml").literalPrefix()).isEmpty();
    }
}
