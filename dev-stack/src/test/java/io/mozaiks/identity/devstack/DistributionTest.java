package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "a/../../evil", "keycloak/../../evil", "/etc/passwd", "\\evil",
            "a\\..\\..\\evil", "C:/evil", "c:evil", "..", "a/..", ""})
    void refusesNamesThatLeaveTheRoot(String name) throws IOException {
        Path root = temp.toRealPath();
        assertThatThrownBy(() -> Distribution.entryPath(name).resolveAgainst(root))
                .isInstanceOf(Distribution.ZipSlipException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keycloak-26.7.5/bin/kc.sh", "keycloak-26.7.5/", "a/./b", "a..b/c", "..a/b"})
    void acceptsNamesInsideTheRoot(String name) throws IOException {
        Path root = temp.toRealPath();
        Path resolved = Distribution.entryPath(name).resolveAgainst(root).normalize();
        assertThat(resolved.startsWith(root)).as(resolved.toString()).isTrue();
        assertThat(resolved).isNotEqualTo(root);
    }

    @Test
    void unpacksTheSingleTopFolderIntoPlaceAndReportsProgress() throws IOException {
        Path zip = zip("keycloak-9.9.9/bin/kc.sh", "keycloak-9.9.9/bin/kc.bat", "keycloak-9.9.9/lib/x.jar");
        Path home = temp.resolve("state").resolve("keycloak-9.9.9");
        List<Integer> progress = new ArrayList<>();

        Distribution.unpack(zip, home, progress::add);

        assertThat(Distribution.isUnpacked(home)).isTrue();
        assertThat(home.resolve("bin/kc.sh")).hasContent("keycloak-9.9.9/bin/kc.sh");
        assertThat(progress).endsWith(100);
        assertThat(temp.resolve("state")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".unpacking"));
    }

    @Test
    void aHostileEntryStopsTheUnpackAndWritesNothingOutside() throws IOException {
        Path zip = zip("keycloak-9.9.9/bin/kc.sh", "keycloak-9.9.9/../../escaped.txt");
        Path home = temp.resolve("state").resolve("keycloak-9.9.9");

        assertThatThrownBy(() -> Distribution.unpack(zip, home, p -> { }))
                .isInstanceOf(Distribution.ZipSlipException.class);
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
        assertThat(Distribution.isUnpacked(home)).isFalse();
    }

    private Path zip(String... names) throws IOException {
        Path zip = temp.resolve("dist.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
