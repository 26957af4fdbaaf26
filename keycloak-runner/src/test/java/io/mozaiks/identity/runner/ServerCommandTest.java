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
    void freePortsAreFree() {
        assertThat(FreePorts.isFree(FreePorts.pick())).isTrue();
    }
}
