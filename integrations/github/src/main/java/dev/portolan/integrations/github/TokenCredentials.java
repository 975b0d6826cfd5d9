package dev.portolan.integrations.github;

/** A personal access token (classic or fine-grained), sent as is. */
final class TokenCredentials implements Credentials {

    private final String token;

    TokenCredentials(String token) {
        this.token = token;
    }

    @Override
    public String authorization() {
        return "Bearer " + token;
    }

    @Override
    public boolean refused() {
        return false;
    }

    @Override
    public String describe() {
        return "the personal access token (githubToken)";
    }
}
