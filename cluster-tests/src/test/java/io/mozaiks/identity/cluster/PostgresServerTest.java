package io.mozaiks.identity.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Missing PostgreSQL binaries fail the cluster test with what to install; they never skip it. */
class PostgresServerTest {

    @Test
    void binariesThatAreNotThereFailWithTheDebianPackageToInstall(@org.junit.jupiter.api.io.TempDir Path empty) {
        String previous = System.getProperty("mozaiks.postgres.bin");
        System.setProperty("mozaiks.postgres.bin", empty.toString());
        try {
            assertThatThrownBy(PostgresServer::findBin)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("apt-get install -y postgresql");
        } finally {
            if (previous == null) {
                System.clearProperty("mozaiks.postgres.bin");
            } else {
                System.setProperty("mozaiks.postgres.bin", previous);
            }
        }
    }
}
