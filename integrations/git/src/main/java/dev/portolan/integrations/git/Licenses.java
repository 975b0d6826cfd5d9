package dev.portolan.integrations.git;

import java.util.Locale;

/** Tells the common open-source licenses apart by the phrases their texts carry. */
final class Licenses {

    /** An SPDX identifier and a name. */
    record License(String spdxId, String name) {}

    private Licenses() {}

    static License detect(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.contains("apache license") && t.contains("version 2.0")) return new License("Apache-2.0", "Apache License 2.0");
        if (t.contains("gnu affero general public license")) return new License("AGPL-3.0", "GNU Affero General Public License v3.0");
        if (t.contains("gnu lesser general public license")) return new License(t.contains("version 3") ? "LGPL-3.0" : "LGPL-2.1",
                "GNU Lesser General Public License");
        if (t.contains("gnu general public license")) return t.contains("version 3") ? new License("GPL-3.0", "GNU General Public License v3.0")
                : new License("GPL-2.0", "GNU General Public License v2.0");
        if (t.contains("mozilla public license") && t.contains("2.0")) return new License("MPL-2.0", "Mozilla Public License 2.0");
        if (t.contains("eclipse public license")) return t.contains("2.0") ? new License("EPL-2.0", "Eclipse Public License 2.0")
                : new License("EPL-1.0", "Eclipse Public License 1.0");
        if (t.contains("permission is hereby granted, free of charge")) return new License("MIT", "MIT License");
        if (t.contains("permission to use, copy, modify, and/or distribute this software for any purpose")) return new License("ISC", "ISC License");
        if (t.contains("this is free and unencumbered software")) return new License("Unlicense", "The Unlicense");
        if (t.contains("redistribution and use in source and binary forms")) {
            return t.contains("neither the name") ? new License("BSD-3-Clause", "BSD 3-Clause License")
                    : new License("BSD-2-Clause", "BSD 2-Clause License");
        }
        return new License("NOASSERTION", "Other");
    }
}
