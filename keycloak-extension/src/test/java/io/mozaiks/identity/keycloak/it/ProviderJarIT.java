package io.mozaiks.identity.keycloak.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider jar bundles no third-party classes: everything Keycloak ships (Micrometer for the meters,
 * Jackson, JAX-RS) is provided by the server, and a second copy would clash with it. Reads the packaged jar;
 * starts no server.
 */
class ProviderJarIT {

    @Test
    void onlyTheProjectsOwnClasses() throws IOException {
        Path jar = Path.of(System.getProperty("mozaiks.provider.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = file.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).isNotEmpty().allMatch(n -> n.startsWith("io/mozaiks/identity/"), "under io/mozaiks/identity/");
            assertThat(file.stream().map(ZipEntry::getName)).noneMatch(n -> n.startsWith("io/micrometer/"));
        }
    }
}
