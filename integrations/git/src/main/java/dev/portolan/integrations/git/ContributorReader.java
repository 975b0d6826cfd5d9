package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The {@code contributor} kind within one repository: one object per author. {@link ContributorFetcher}
 * merges them across repositories.
 */
final class ContributorReader implements KindReader {

    @Override
    public void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException {
        for (History.Author author : History.read(repository).top(Integer.MAX_VALUE)) {
            ObjectNode object = Json.object().put("login", author.login).put("name", author.name);
            author.emails.forEach(object.putArray("emails")::add);
            object.put("first_commit_at", author.first.toString()).put("last_commit_at", author.last.toString())
                    .put("commits", author.commits);
            object.putArray("repositories").add(repository.location().name());
            sink.accept(object);
        }
    }
}
