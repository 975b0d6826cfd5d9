package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pull-request} kind, with Port's selector: {@code states} (default {@code ["open"]}):
 * every open pull request; closed ones, newest first, at most {@code maxResults} per repository
 * (default 100) and none updated more than {@code since} days ago (default 60).
 */
final class PullRequests {

    private PullRequests() {}

    static Pages pages(Scope scope) throws FetchException {
        List<String> states = scope.texts("states", List.of(scope.text("state", "open")));
        for (String state : states) {
            if (!state.equals("open") && !state.equals("closed")) {
                throw new FetchException("selector.states: '" + state + "' is not a pull request state; use open and/or closed", false);
            }
        }
        int maxResults = scope.number("maxResults", 100);
        Instant since = scope.clock.instant().minus(Duration.ofDays(scope.number("since", 60)));
        return EachRepository.of(scope, repo -> {
            List<Pages> lists = new ArrayList<>();
            if (states.contains("open")) lists.add(EachRepository.list(scope, repo, "/pulls?state=open", null));
            if (states.contains("closed")) {
                lists.add(EachRepository.list(scope, repo, "/pulls?state=closed&sort=updated&direction=desc", null)
                        .limit(maxResults)
                        .stopAt(pr -> pr.hasNonNull("updated_at") && Instant.parse(pr.get("updated_at").asText()).isBefore(since)));
            }
            return concat(lists);
        });
    }

    static Pages concat(List<Pages> lists) {
        return new Pages() {
            private int index;

            @Override
            public List<JsonNode> next() throws FetchException {
                while (index < lists.size()) {
                    List<JsonNode> page = lists.get(index).next();
                    if (page != null) return page;
                    index++;
                }
                return null;
            }
        };
    }
}
