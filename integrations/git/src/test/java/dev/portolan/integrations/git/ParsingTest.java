package dev.portolan.integrations.git;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parsers: CODEOWNERS, licenses, languages, file contents. */
class ParsingTest {

    @Test
    void codeOwnersKeepsRulesInOrderAndTheLastCatchAllRuleOwnsTheRepository() {
        CodeOwners owners = CodeOwners.parse("""
                # comment
                *          @acme/everyone
                [Docs]
                /docs/     @acme/writers  # trailing comment
                *          @acme/platform ada@example.com
                """);
        assertThat(owners.rules()).hasSize(3);
        assertThat(owners.rules().get(1).owners()).containsExactly("@acme/writers");
        assertThat(owners.repositoryOwners()).containsExactly("@acme/platform", "ada@example.com");
    }

    @Test
    void licensesAreToldApartByTheirText() {
        assertThat(Licenses.detect("Apache License\n Version 2.0, January 2004").spdxId()).isEqualTo("Apache-2.0");
        assertThat(Licenses.detect("Permission is hereby granted, free of charge, to any person").spdxId()).isEqualTo("MIT");
        assertThat(Licenses.detect("GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007").spdxId()).isEqualTo("GPL-3.0");
        assertThat(Licenses.detect("Redistribution and use in source and binary forms ... Neither the name").spdxId()).isEqualTo("BSD-3-Clause");
        assertThat(Licenses.detect("All rights reserved.").spdxId()).isEqualTo("NOASSERTION");
    }

    @Test
    void languagesAreSharesOfBytesByExtensionLargestFirst() {
        Languages languages = new Languages();
        languages.add("src/A.java", 300);
        languages.add("web/app.ts", 100);
        languages.add("notes.txt", 1000);
        assertThat(languages.main()).isEqualTo("Java");
        assertThat(languages.shares()).containsExactly(java.util.Map.entry("Java", 0.75), java.util.Map.entry("TypeScript", 0.25));
    }

    @Test
    void contentIsParsedByExtensionAndSeveralYamlDocumentsBecomeAList() {
        assertThat(parse("a.yaml", "name: a\n---\nname: b\n").content().size()).isEqualTo(2);
        assertThat(parse("port.yml", "identifier: x\n").content().path("identifier").asText()).isEqualTo("x");
        assertThat(parse("package.json", "{\"name\": \"web\"}").content().path("name").asText()).isEqualTo("web");
        assertThat(parse("pom.xml", "<project><artifactId>api</artifactId></project>").content().path("artifactId").asText()).isEqualTo("api");
        assertThat(parse("notes.txt", "hello").content().asText()).isEqualTo("hello");
    }

    @Test
    void contentThatDoesNotParseIsKeptAsTextWithTheReason() {
        ContentParser.Parsed parsed = parse("broken.json", "{nope");
        assertThat(parsed.content().asText()).isEqualTo("{nope");
        assertThat(parsed.error()).startsWith("broken.json is not valid JSON");
        assertThat(parse("broken.xml", "<a>").error()).startsWith("broken.xml is not valid XML");
    }

    private static ContentParser.Parsed parse(String path, String text) {
        return ContentParser.parse(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
