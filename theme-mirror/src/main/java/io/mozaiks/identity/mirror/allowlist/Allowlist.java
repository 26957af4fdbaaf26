package io.mozaiks.identity.mirror.allowlist;

import java.util.List;

/** The parsed allowlist, in file order. */
public record Allowlist(List<AllowlistEntry> entries) {
    public Allowlist {
        entries = List.copyOf(entries);
    }
}
