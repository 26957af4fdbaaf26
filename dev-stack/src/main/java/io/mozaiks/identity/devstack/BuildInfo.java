package io.mozaiks.identity.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Values the build filtered into {@code dev-stack.properties}: the one Keycloak version and file names. */
public record BuildInfo(String keycloakVersion, String distZipName, String providerJarName) {

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev-stack.properties missing from the classpath; rebuild: ./mvnw -pl dev-stack -am package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("keycloak.version"), properties.getProperty("dist.zip"),
                properties.getProperty("provider.jar"));
    }
}
