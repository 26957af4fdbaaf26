package io.mozaiks.identity.mirror.allowlist;

import io.mozaiks.identity.pathsafety.NameCollisions;
import io.mozaiks.identity.pathsafety.PathRules;
import io.mozaiks.identity.pathsafety.PathVerdict;
import io.mozaiks.identity.pathsafety.RelativePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code themes/mirror-allowlist}. Format, one entry per line:
 * <pre>
 * # comment
 * SOURCE -> TARGET
 * </pre>
 * SOURCE is a file relative to {@code themes/}, TARGET a file relative to the mozaiks-core root. Exact
 * paths only: no globs, no folders. Any malformed line fails the whole file with its line number.
 */
public final class AllowlistParser {
    public static final String SEPARATOR = " -> ";
    public static final int MAX_ENTRIES = 64;
    public static final long MAX_FILE_BYTES = 64 * 1024;
    /** Glob syntax is refused outright so nobody writes a pattern believing it matches several files. */
    public static final String GLOB_CHARACTERS = "*?[]{}";

    private AllowlistParser() {
    }

    public static Allowlist read(Path file) throws IOException, AllowlistException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new AllowlistException(0, "file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AllowlistException(0, "file is not valid UTF-8");
        }
        return parse(text);
    }

    public static Allowlist parse(String text) throws AllowlistException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a BOM added by a Windows editor is harmless
        }
        String[] lines = text.split("\r?\n", -1);
        List<AllowlistEntry> entries = new ArrayList<>();
        NameCollisions sources = new NameCollisions();
        NameCollisions targets = new NameCollisions();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            AllowlistEntry entry = parseLine(number, line);
            Optional<String> sourceClash = sources.add(entry.source());
            if (sourceClash.isPresent()) {
                throw new AllowlistException(number, "source " + entry.source() + " " + sourceClash.get());
            }
            Optional<String> targetClash = targets.add(entry.target());
            if (targetClash.isPresent()) {
                throw new AllowlistException(number, "target " + entry.target() + " " + targetClash.get());
            }
            entries.add(entry);
            if (entries.size() > MAX_ENTRIES) {
                throw new AllowlistException(number, "more than " + MAX_ENTRIES + " entries");
            }
        }
        if (entries.isEmpty()) {
            throw new AllowlistException(0, "no entries (expected lines of the form 'SOURCE -> TARGET')");
        }
        return new Allowlist(entries);
    }

    private static AllowlistEntry parseLine(int number, String line) throws AllowlistException {
        int separator = line.indexOf(SEPARATOR);
        if (separator < 0 || line.indexOf(SEPARATOR, separator + 1) >= 0) {
            throw new AllowlistException(number, "expected exactly one 'SOURCE -> TARGET'");
        }
        RelativePath source = path(number, "source", line.substring(0, separator).strip());
        RelativePath target = path(number, "target", line.substring(separator + SEPARATOR.length()).strip());
        Optional<String> violation = TargetPolicy.violation(target);
        if (violation.isPresent()) {
            throw new AllowlistException(number, violation.get());
        }
        if (!source.extension().equals(target.extension())) {
            throw new AllowlistException(number, "source and target extensions differ ('"
                    + source.extension() + "' vs '" + target.extension() + "')");
        }
        return new AllowlistEntry(number, source, target);
    }

    private static RelativePath path(int number, String role, String raw) throws AllowlistException {
        for (char c : GLOB_CHARACTERS.toCharArray()) {
            if (raw.indexOf(c) >= 0) {
                throw new AllowlistException(number, role + " contains glob character '" + c + "': exact paths only");
            }
        }
        if (raw.endsWith("/")) {
            throw new AllowlistException(number, role + " is a folder: list each file");
        }
        PathVerdict verdict = PathRules.check(raw);
        if (!verdict.isAccepted()) {
            throw new AllowlistException(number, role + " '" + PathRules.printable(raw) + "': "
                    + verdict.reason().orElseThrow());
        }
        return verdict.path().orElseThrow();
    }
}
