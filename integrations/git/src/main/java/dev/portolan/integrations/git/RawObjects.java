package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.eclipse.jgit.lib.PersonIdent;

import java.time.Instant;
import java.util.Locale;

/** Shapes shared by the raw objects of several kinds. */
final class RawObjects {

    private RawObjects() {}

    /** {@code {name, email, date}}, as GitHub's commit author. */
    static ObjectNode person(PersonIdent ident) {
        return Json.object().put("name", ident.getName()).put("email", ident.getEmailAddress())
                .put("date", ident.getWhenAsInstant().toString());
    }

    /** A stable identifier for a person, from the name: lower case, runs of other characters as one {@code -}. */
    static String login(String name, String email) {
        String base = name == null || name.isBlank() ? email : name;
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }

    /** The short description of a repository carried by the objects of other kinds as {@code __repository}. */
    static ObjectNode repositorySummary(OpenedRepository repository) {
        RepositoryLocation location = repository.location();
        return Json.object().put("name", location.name()).put("full_name", location.fullName())
                .put("url", location.location()).put("default_branch", repository.branch());
    }

    static String time(Instant instant) {
        return instant.toString();
    }
}
