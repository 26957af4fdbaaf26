package io.mozaiks.identity.keycloak.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.mozaiks.identity.keycloak.contract.Contract;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProviderBuildTest {

  @Test
  void theBuiltResourceNamesThisBuild() {
    ProviderBuild build = ProviderBuild.load();

    // Maven filtered the resource: the pom's version and Keycloak version, a 40-hex revision.
    assertThat(build.providerVersion()).isEqualTo(System.getProperty("mozaiks.expected.version"));
    assertThat(build.keycloakCompiled()).isEqualTo(System.getProperty("mozaiks.expected.keycloak"));
    assertThat(build.gitRevision()).matches("[0-9a-f]{40}|" + ProviderBuild.UNKNOWN);
    assertThat(build.keycloakSupported()).startsWith("[").endsWith(build.keycloakCompiled() + "]");
    assertThat(build.contractVersion()).isEqualTo(Contract.VERSION);
  }

  @Test
  void thePomsContractVersionIsTheCodes() {
    // The manifest and the SBOM take the contract version from the pom property; the code owns it.
    assertThat(System.getProperty("mozaiks.expected.contract")).isEqualTo(Contract.VERSION);
  }

  @Test
  void unfilteredOrMissingValuesReadAsUnknown() {
    Properties properties = new Properties();
    properties.setProperty("provider.version", "1.0.0");
    properties.setProperty("git.revision", "${git.commit.id}");

    ProviderBuild build = ProviderBuild.from(properties);

    assertThat(build.providerVersion()).isEqualTo("1.0.0");
    assertThat(build.gitRevision()).isEqualTo(ProviderBuild.UNKNOWN);
    assertThat(build.keycloakSupported()).isEqualTo(ProviderBuild.UNKNOWN);
    assertThat(build.operationalInfo()).containsEntry(ProviderBuild.KEY_CONTRACT_VERSION, Contract.VERSION)
        .containsKeys(ProviderBuild.KEY_PROVIDER_VERSION, ProviderBuild.KEY_GIT_REVISION,
            ProviderBuild.KEY_KEYCLOAK_COMPILED, ProviderBuild.KEY_KEYCLOAK_SUPPORTED);
  }
}
