package io.mozaiks.identity.pathsafety;

import java.util.Objects;
import java.util.Optional;

/** Outcome of {@link PathRules#check(String)}: either an accepted {@link RelativePath} or the reason it was refused. */
public final class PathVerdict {
    private final RelativePath accepted;
    private final String reason;

    private PathVerdict(RelativePath accepted, String reason) {
        this.accepted = accepted;
        this.reason = reason;
    }

    static PathVerdict accept(RelativePath path) {
        return new PathVerdict(Objects.requireNonNull(path), null);
    }

    static PathVerdict reject(String reason) {
        return new PathVerdict(null, Objects.requireNonNull(reason));
    }

    public boolean isAccepted() {
        return accepted != null;
    }

    public Optional<RelativePath> path() {
        return Optional.ofNullable(accepted);
    }

    /** Why the path was refused; empty when accepted. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted " + accepted : "rejected: " + reason;
    }
}
