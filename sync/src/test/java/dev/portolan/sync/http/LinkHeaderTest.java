package dev.portolan.sync.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        assertThat(LinkHeader.next(List.of("<https://api.github.com/x?page=1>; rel=\"prev\", "
                + "<https://api.github.com/x?page=3>; rel=\"next\", <https://api.github.com/x?page=9>; rel=\"last\"")))
                .contains("https://api.github.com/x?page=3");
    }

    @Test
    void acceptsUnquotedAndMultipleRelValuesAndOtherParameters() {
        assertThat(LinkHeader.next(List.of("</b?x=1,2>; title=\"a, b\"; REL=next"))).contains("/b?x=1,2");
        assertThat(LinkHeader.next(List.of("</a>; rel=\"first\"", "</c>; rel=\"last next\""))).contains("/c");
    }

    @Test
    void findsNothingWithoutANextLink() {
        assertThat(LinkHeader.next(List.of("</a>; rel=\"prev\"", "</a>; rel=\"nextish\""))).isEmpty();
        assertThat(LinkHeader.next(List.of())).isEmpty();
    }
}
