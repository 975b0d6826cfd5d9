package dev.portolan.integrations.github;

import java.net.http.HttpHeaders;

/**
 * What to grant when GitHub refuses a request for lack of access, from what GitHub says in the
 * answer: {@code x-accepted-github-permissions} (the fine-grained token or app permission the
 * endpoint needs), {@code x-accepted-oauth-scopes} (the classic token scopes it needs) and
 * {@code x-oauth-scopes} (what the classic token has).
 */
final class PermissionTip {

    private PermissionTip() {}

    static String of(HttpHeaders headers, String credentials) {
        StringBuilder tip = new StringBuilder(credentials).append(" lacks access");
        headers.firstValue("x-accepted-github-permissions").filter(v -> !v.isBlank()).ifPresent(v ->
                tip.append("; grant the permission GitHub asks for: ").append(v)
                        .append(" (GitHub App or fine-grained token permission)"));
        headers.firstValue("x-accepted-oauth-scopes").filter(v -> !v.isBlank()).ifPresent(v ->
                tip.append("; a classic token needs one of the scopes: ").append(v));
        headers.firstValue("x-oauth-scopes").ifPresent(v ->
                tip.append("; the token has the scopes: ").append(v.isBlank() ? "(none)" : v));
        if (headers.firstValue("x-accepted-github-permissions").isEmpty() && headers.firstValue("x-accepted-oauth-scopes").isEmpty()) {
            tip.append("; check the token's permissions or scopes and that it can see this organization");
        }
        return tip.toString();
    }
}
