package io.mozaiks.identity.mirror.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mozaiks.identity.pathsafety.RelativePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SHA-256 of what this tool last wrote to each target of one root. A target equal to it is "ours" and may
 * be updated even though it differs from HEAD; anything else that differs from HEAD is somebody's edit.
 */
public final class WriteLedger {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** On-disk shape: {"root": "...", "lastWrites": {"path": "sha256"}}. */
    public record Contents(String root, Map<String, String> lastWrites) {
    }

    private final Path file;
    private final String root;
    private final Map<String, String> lastWrites;

    private WriteLedger(Path file, String root, Map<String, String> lastWrites) {
        this.file = file;
        this.root = root;
        this.lastWrites = new TreeMap<>(lastWrites);
    }

    /** Loads the ledger; a missing file is an empty ledger, an unreadable one is an error (fail closed). */
    public static WriteLedger load(Path file, Path realRoot) throws IOException {
        if (!Files.exists(file)) {
            return new WriteLedger(file, realRoot.toString(), Map.of());
        }
        Contents contents = JSON.readValue(file.toFile(), Contents.class);
        Map<String, String> writes = contents.lastWrites() == null ? Map.of() : contents.lastWrites();
        return new WriteLedger(file, realRoot.toString(), writes);
    }

    public Optional<String> lastWrite(RelativePath target) {
        return Optional.ofNullable(lastWrites.get(target.toString()));
    }

    /** Records a write and saves at once (temp file + rename), so a crash right after keeps the record. */
    public void record(RelativePath target, String sha256) throws IOException {
        lastWrites.put(target.toString(), sha256);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".last-writes", ".tmp");
        try {
            JSON.writeValue(temp.toFile(), new Contents(root, lastWrites));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
