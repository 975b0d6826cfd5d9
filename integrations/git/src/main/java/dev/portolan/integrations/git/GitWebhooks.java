package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.LiveChange;
import dev.portolan.sync.spi.Page;
import dev.portolan.sync.spi.WebhookReceiver;

import java.util.ArrayList;
import java.util.List;

/**
 * The Git integration's live events: a push (GitHub, Gitea, GitLab, Bitbucket or a plain
 * {@code {repository}} body), authenticated with {@code webhookSecret}, re-reads the pushed
 * repository alone — its remote fetched at once — for every kind; contributors, merged across
 * repositories, are read for all of them (the others from their caches). Nothing is deleted: the
 * next resync reconciles.
 */
final class GitWebhooks implements WebhookReceiver {

    private static final String[] DELIVERY_HEADERS = {"X-GitHub-Delivery", "X-Gitea-Delivery", "X-Gitlab-Event-UUID", "X-Request-UUID"};

    private final ScopedFetchers fetchers;

    /** Makes a fetcher of a kind limited to a scope. */
    interface ScopedFetchers {
        Fetcher fetcher(String kind, FetchContext context, Scope scope);
    }

    GitWebhooks(ScopedFetchers fetchers) {
        this.fetchers = fetchers;
    }

    @Override
    public boolean authentic(Settings settings, Headers headers, byte[] body) {
        return WebhookAuthentication.authentic(headers, body, settings.string(GitSettings.WEBHOOK_SECRET));
    }

    @Override
    public String deliveryId(Headers headers) {
        for (String name : DELIVERY_HEADERS) {
            String id = headers.get(name);
            if (id != null && !id.isBlank()) return id;
        }
        return null;
    }

    @Override
    public String describe(Headers headers, JsonNode payload) {
        try {
            return PushEvent.read(headers, payload).describe();
        } catch (IllegalArgumentException e) {
            return "event naming no repository";
        }
    }

    @Override
    public LiveChange changes(String kind, FetchContext context, Headers headers, JsonNode payload) throws FetchException {
        PushEvent push;
        try {
            push = PushEvent.read(headers, payload);
        } catch (IllegalArgumentException e) {
            throw new FetchException(e.getMessage(), false);
        }
        String branch = context.settings().string(GitSettings.BRANCH);
        if (push.ping() || (branch != null && push.branch() != null && !branch.equals(push.branch()))) return LiveChange.NONE;
        Scope scope = kind.equals("contributor") ? Scope.allFetching(push.repositoryNames()) : Scope.only(push.repositoryNames());
        Fetcher fetcher = fetchers.fetcher(kind, context, scope);
        List<JsonNode> objects = new ArrayList<>(); // one repository's objects: bounded by commitDepth and the selectors
        String cursor = null;
        do {
            Page page = fetcher.fetch(cursor);
            objects.addAll(page.objects());
            cursor = page.nextCursor();
        } while (cursor != null);
        return new LiveChange(objects, List.of());
    }
}
