package io.mozaiks.identity.compose;

/** The system properties Maven sets for these tests (compose-tests/pom.xml). */
final class BuildProperties {

    private BuildProperties() {
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run through Maven (./mvnw verify)");
        }
        return value;
    }

    /** bin/build-image's tag: {@code mozaiks/identity-keycloak:<project version>-kc<keycloak.version>}. */
    static String imageTag() {
        return "mozaiks/identity-keycloak:" + required("project.version") + "-kc" + required("keycloak.version");
    }
}
