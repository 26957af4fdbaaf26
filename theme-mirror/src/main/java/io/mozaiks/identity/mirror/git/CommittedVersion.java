package io.mozaiks.identity.mirror.git;

import io.mozaiks.identity.mirror.content.ContentHash;
import java.util.Optional;

/**
 * What {@code HEAD} holds for a path: absent, a hash, or UNKNOWN when git could not answer (the caller
 * then fails closed and treats the target as locally edited).
 */
public record CommittedVersion(State state, ContentHash hash, String problem) {
    public enum State { ABSENT, PRESENT, UNKNOWN }

    public static CommittedVersion absent() {
        return new CommittedVersion(State.ABSENT, null, null);
    }

    public static CommittedVersion present(ContentHash hash) {
        return new CommittedVersion(State.PRESENT, hash, null);
    }

    public static CommittedVersion unknown(String problem) {
        return new CommittedVersion(State.UNKNOWN, null, problem);
    }

    public Optional<ContentHash> presentHash() {
        return Optional.ofNullable(hash);
    }
}
