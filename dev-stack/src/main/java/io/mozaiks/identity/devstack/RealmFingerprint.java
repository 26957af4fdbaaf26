package io.mozaiks.identity.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * SHA-256 of each realm file, recorded in {@code <home>/realm.sha256} (sha256sum format) when the data is
 * created. Keycloak's {@code --import-realm} skips realms that already exist, so a realm file edited later
 * has NO effect on existing data; comparing against this record lets the dev stack say so.
 *
 * <p>Line endings are normalised (CRLF to LF) before hashing, so a checkout with other git line-ending
 * settings does not raise a false alarm.
 */
public final class RealmFingerprint {

    public static final String FILE_NAME = "realm.sha256";

    private RealmFingerprint() {
    }

    /** The realm files the dev stack imports: every {@code *.json} in the folder, by name. */
    public static List<Path> realmFiles(Path realmDir) {
        try (Stream<Path> files = Files.list(realmDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list realm folder " + realmDir, e);
        }
    }

    /** File name -> hex SHA-256, sorted by name. */
    public static Map<String, String> of(List<Path> files) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            try {
                hashes.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return hashes;
    }

    static String sha256(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String format(Map<String, String> hashes) {
        StringBuilder out = new StringBuilder();
        hashes.forEach((name, hash) -> out.append(hash).append("  ").append(name).append('\n'));
        return out.toString();
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> hashes = new TreeMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            int space = trimmed.indexOf("  ");
            if (space > 0) {
                hashes.put(trimmed.substring(space + 2), trimmed.substring(0, space));
            }
        }
        return hashes;
    }

    public static void write(Path home, Map<String, String> hashes) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve(FILE_NAME), format(hashes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve(FILE_NAME), e);
        }
    }

    /** The record written at first import, if any. */
    public static Optional<Map<String, String>> read(Path home) {
        Path file = home.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Names of files added, removed or changed since {@code recorded}; empty = unchanged. */
    public static List<String> changed(Map<String, String> recorded, Map<String, String> current) {
        List<String> changed = new ArrayList<>();
        for (String name : new TreeSet<>(union(recorded, current))) {
            String before = recorded.get(name);
            String now = current.get(name);
            if (before == null) {
                changed.add(name + " (new)");
            } else if (now == null) {
                changed.add(name + " (removed)");
            } else if (!before.equals(now)) {
                changed.add(name + " (changed)");
            }
        }
        return changed;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
