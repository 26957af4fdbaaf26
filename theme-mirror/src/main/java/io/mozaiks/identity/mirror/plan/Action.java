package io.mozaiks.identity.mirror.plan;

import java.util.Locale;

/** What plan decides for one allowlisted file. */
public enum Action {
    /** Target missing: will be written. */
    CREATE,
    /** Target is the committed version or our last write, and differs from the source: will be replaced. */
    UPDATE,
    /** Target already equals the source. */
    UNCHANGED,
    /** Target was edited locally (or git could not tell): left alone unless --force. */
    CONFLICT,
    /** Unsafe source or target (link, active SVG, missing folder...): never written, not even with --force. */
    REFUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the target differs from its source. */
    public boolean drifted() {
        return this != UNCHANGED;
    }
}
