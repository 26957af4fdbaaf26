package io.mozaiks.identity.runner;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandTest {

    private final Path home = Paths.get("kc");

    @Test
    void unixRunsKcShThroughBashWithLoopbackPortsAndHostname() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(18080).managementPort(19000).build();
        List<String> command = ServerCommand.startDev(settings, "Linux");

        assertThat(command.subList(0, 3)).containsExactly("bash", home.resolve("bin").resolve("kc.sh").toString(), "start-dev");
        assertThat(command).contains("--http-host=127.0.0.1", "--http-port=18080", "--http-management-port=19000",
                "--health-enabled=true", "--import-realm", "--db=dev-mem", "--hostname=http://localhost:18080");
    }

    @Test
    void windowsRunsKcBat() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(1).managementPort(2).build();
        assertThat(ServerCommand.startDev(settings, "Windows 11").subList(0, 3))
                .containsExactly("cmd.exe", "/c", home.resolve("bin").resolve("kc.bat").toString());
    }

    @Test
    void hostnameCanBeLeftUnset() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(1).managementPort(2).hostname(null).build();
        assertThat(ServerCommand.startDev(settings, "Linux")).noneMatch(arg -> arg.startsWith("--hostname"));
    }

    @Test
    void buildFixesTheProductionBuildTimeOptions() {
        assertThat(ServerCommand.build(home, "Linux")).containsExactly("bash", home.resolve("bin").resolve("kc.sh").toString(),
                "build", "--db=postgres", "--cache=ispn", "--health-enabled=true");
    }

    @Test
    void productionNodeRunsOptimizedOnLoopbackWithItsOwnCachePortAndNoPasswordInArguments() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(18080).managementPort(19000)
                .hostname("http://127.0.0.1:18080").build();
        ProductionSettings production = ProductionSettings.loopback("jdbc:postgresql://127.0.0.1:5433/keycloak", "keycloak",
                "s3cret", 17800);
        List<String> command = ServerCommand.start(settings, production, "Linux");

        assertThat(command.subList(2, 4)).containsExactly("start", "--optimized");
        assertThat(command).contains("--http-enabled=true", "--http-host=127.0.0.1", "--http-port=18080",
                "--http-management-port=19000", "--hostname=http://127.0.0.1:18080",
                "--db-url=jdbc:postgresql://127.0.0.1:5433/keycloak", "--db-username=keycloak",
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=17800",
                "--cache-embedded-network-external-address=127.0.0.1");
        assertThat(command).noneMatch(arg -> arg.contains("s3cret")).doesNotContain("start-dev", "--import-realm");
    }

    @Test
    void productionNodeImportsOnlyWhenGivenRealmFiles() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(1).managementPort(2).hostname("http://h:1")
                .importFile(Paths.get("realm.json")).build();
        assertThat(ServerCommand.start(settings, ProductionSettings.loopback("jdbc:x", "u", "p", 3), "Linux"))
                .contains("--import-realm");
    }

    @Test
    void productionModeRefusesAnUnsetHostname() {
        ServerSettings settings = ServerSettings.builder(home).httpPort(1).managementPort(2).hostname(null).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ServerCommand.start(settings, ProductionSettings.loopback("jdbc:x", "u", "p", 3), "Linux"))
                .hasMessageContaining("hostname");
    }

    @Test
    void freePortsAreFree() {
        assertThat(FreePorts.isFree(FreePorts.pick())).isTrue();
    }
}
