package io.mozaiks.identity.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionCopyTest {

    @TempDir
    Path temp;

    @Test
    void copyLeavesOutTheDataFolder() throws IOException {
        Path source = fakeDistribution(temp.resolve("dist"));
        Files.createDirectories(source.resolve("data").resolve("h2"));
        Files.writeString(source.resolve("data").resolve("h2").resolve("keycloakdb.mv.db"), "db");

        Path copy = DistributionCopy.copy(source, temp.resolve("node-1"));

        assertThat(copy.resolve("bin").resolve("kc.sh")).hasContent("#!/bin/sh");
        assertThat(copy.resolve("conf").resolve("keycloak.conf")).hasContent("x=1");
        assertThat(copy.resolve("data")).doesNotExist();
    }

    @Test
    void copyRefusesWhatIsNoDistribution() {
        assertThatThrownBy(() -> DistributionCopy.copy(temp, temp.resolve("node-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bin/kc.sh");
    }

    @Test
    void deleteRemovesTheTreeAndIgnoresAMissingOne() throws IOException {
        Path dist = fakeDistribution(temp.resolve("dist"));
        DistributionCopy.delete(dist);
        assertThat(dist).doesNotExist();
        DistributionCopy.delete(dist); // nothing left: no error
    }

    @Test
    void deleteRemovesALinkButNotWhatItPointsTo() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "precious");
        Path link = Files.createSymbolicLink(temp.resolve("data"), outside);

        DistributionCopy.delete(link);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("keep.txt")).hasContent("precious");
    }

    @Test
    void deleteRemovesADanglingLink() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("data"), temp.resolve("gone"));

        DistributionCopy.delete(link);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static Path fakeDistribution(Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("bin").resolve("kc.sh"), "#!/bin/sh");
        Files.writeString(home.resolve("conf").resolve("keycloak.conf"), "x=1");
        return home;
    }
}
