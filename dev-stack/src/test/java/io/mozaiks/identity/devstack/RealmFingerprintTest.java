package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RealmFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void unchangedFilesGiveNoWarningAndTheRecordRoundTrips() throws IOException {
        Files.writeString(dir.resolve("mozaiks-realm.json"), "{\"realm\":\"mozaiks\"}");
        Files.writeString(dir.resolve("mozaiks-users-0.json"), "{\"users\":[]}");
        Files.writeString(dir.resolve("notes.txt"), "not a realm file");
        Map<String, String> hashes = RealmFingerprint.of(RealmFingerprint.realmFiles(dir));

        RealmFingerprint.write(dir.resolve("home"), hashes);

        assertThat(hashes).containsOnlyKeys("mozaiks-realm.json", "mozaiks-users-0.json");
        assertThat(RealmFingerprint.read(dir.resolve("home"))).contains(hashes);
        assertThat(RealmFingerprint.changed(hashes, hashes)).isEmpty();
    }

    @Test
    void namesChangedNewAndRemovedFiles() {
        Map<String, String> recorded = Map.of("a-realm.json", "1", "a-users-0.json", "2", "old.json", "3");
        Map<String, String> current = Map.of("a-realm.json", "1", "a-users-0.json", "9", "new.json", "4");

        assertThat(RealmFingerprint.changed(recorded, current))
                .containsExactly("a-users-0.json (changed)", "new.json (new)", "old.json (removed)");
    }

    @Test
    void lineEndingsDoNotCountAsAChange() {
        assertThat(RealmFingerprint.sha256("{\r\n \"realm\": \"x\"\r\n}\r\n".getBytes()))
                .isEqualTo(RealmFingerprint.sha256("{\n \"realm\": \"x\"\n}\n".getBytes()));
        assertThat(RealmFingerprint.sha256("{\"realm\":\"x\"}".getBytes()))
                .isNotEqualTo(RealmFingerprint.sha256("{\"realm\":\"y\"}".getBytes()));
    }

    @Test
    void missingRecordIsEmpty() {
        assertThat(RealmFingerprint.read(dir.resolve("nothing-here"))).isEmpty();
    }
}
