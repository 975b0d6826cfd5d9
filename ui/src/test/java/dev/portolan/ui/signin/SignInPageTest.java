package dev.portolan.ui.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInPageTest {

    @Test
    void afterSigningInOnlyPathsOnThisServerAreFollowed() {
        assertThat(SignInPage.safeNext("/catalog/service?q=a")).isEqualTo("/catalog/service?q=a");
        assertThat(SignInPage.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(SignInPage.safeNext("/\\evil.example/")).isEqualTo("/");
        assertThat(SignInPage.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(SignInPage.safeNext(null)).isEqualTo("/");
    }
}
