package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one kind's raw objects from one repository at its head. Implementations are stateless;
 * they hand each object to the sink as soon as it is built, so a repository's objects are never
 * all in memory.
 */
interface KindReader {

    void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException;
}
