package io.mozaiks.identity.mirror.state;

import io.mozaiks.identity.mirror.content.ContentHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Names the state of one mozaiks-core checkout: a hash of its REAL path, so two spellings share one lock. */
public final class RootKey {
    private RootKey() {
    }

    public static String of(Path realRoot) {
        return ContentHash.of(realRoot.toString().getBytes(StandardCharsets.UTF_8)).sha256().substring(0, 24);
    }
}
