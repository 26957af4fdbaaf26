package io.mozaiks.identity.contractenv;

import java.util.Optional;

/**
 * The three consumers of contract tokens, by the name of their env document
 * ({@code <issuer>/mozaiks/contract/env/<segment>}). The ONE list of consumers: consumer-rules' profiles, the
 * endpoint's env documents and mozaiks-doctor's {@code --consumer} all name a consumer by this type.
 */
public enum ConsumerId {
    CORE("core", "mozaiks-core runtime, its token client and director (Python, PyJWT)"),
    PLATFORM("platform", "mozaiks-platform services (.NET, Mozaiks.Auth)"),
    PLUGIN_HOST("plugin-host", "mozaiks-core plugin-host (Python, python-jose)");

    private final String segment;
    private final String description;

    ConsumerId(String segment, String description) {
        this.segment = segment;
        this.description = description;
    }

    /** The last path segment of the consumer's env document. */
    public String segment() {
        return segment;
    }

    public String description() {
        return description;
    }

    /** Exact match only ({@code CORE} is not {@code core}): a segment is part of a URL. */
    public static Optional<ConsumerId> fromSegment(String segment) {
        for (ConsumerId consumer : values()) {
            if (consumer.segment.equals(segment)) {
                return Optional.of(consumer);
            }
        }
        return Optional.empty();
    }
}
