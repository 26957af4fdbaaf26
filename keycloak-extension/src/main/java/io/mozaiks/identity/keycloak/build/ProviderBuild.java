package io.mozaiks.identity.keycloak.build;

import io.mozaiks.identity.keycloak.contract.Contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this jar is: provider version, git revision and the Keycloak range, written into
 * {@value #RESOURCE} by the Maven build, plus the contract version from {@link Contract#VERSION}.
 * Shown in the admin console's provider info (Server info, Providers) through {@link #operationalInfo()}.
 */
public record ProviderBuild(String providerVersion, String contractVersion, String gitRevision,
                            String keycloakCompiled, String keycloakSupported) {

    public static final String RESOURCE = "mozaiks-build.properties";
    public static final String UNKNOWN = "unknown";

    /** Keys of the operational info; stable, the admin API and the docs name them. */
    public static final String KEY_PROVIDER_VERSION = "provider-version";
    public static final String KEY_CONTRACT_VERSION = "contract-version";
    public static final String KEY_GIT_REVISION = "git-revision";
    public static final String KEY_KEYCLOAK_COMPILED = "keycloak-compiled-against";
    public static final String KEY_KEYCLOAK_SUPPORTED = "keycloak-supported";

    private static final ProviderBuild CURRENT = load();

    /** This jar's build, read once. */
    public static ProviderBuild current() {
        return CURRENT;
    }

    static ProviderBuild load() {
        Properties properties = new Properties();
        try (InputStream in = ProviderBuild.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the provider jar", e);
        }
        return from(properties);
    }

    /** Missing or unfiltered values (a build outside git leaves {@code ${git.commit.id}}) read as {@value #UNKNOWN}. */
    static ProviderBuild from(Properties properties) {
        return new ProviderBuild(value(properties, "provider.version"), Contract.VERSION,
                value(properties, "git.revision"), value(properties, "keycloak.compiled"),
                value(properties, "keycloak.supported"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.contains("${") ? UNKNOWN : value;
    }

    public Map<String, String> operationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(KEY_PROVIDER_VERSION, providerVersion);
        info.put(KEY_CONTRACT_VERSION, contractVersion);
        info.put(KEY_GIT_REVISION, gitRevision);
        info.put(KEY_KEYCLOAK_COMPILED, keycloakCompiled);
        info.put(KEY_KEYCLOAK_SUPPORTED, keycloakSupported);
        return info;
    }
}
