package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.mozaiks.identity.runner.FreePorts;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Argument parsing and the early, cheap failures: no Keycloak is started here. */
class DevStackCliTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(DevStackCli cli, String... args) {
        CommandLine commandLine = DevStackCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void defaults() {
        DevStackCli cli = new DevStackCli();
        DevStackCli.commandLine(cli).parseArgs();

        assertThat(cli.port).isEqualTo(8080);
        assertThat(cli.managementPort).isEqualTo(9000);
        assertThat(cli.reset).isFalse();
        assertThat(cli.home).isNull();
    }

    @Test
    void parsesEveryOption() {
        DevStackCli cli = new DevStackCli();
        DevStackCli.commandLine(cli).parseArgs("--port", "8180", "--management-port", "9100", "--reset",
                "--home", "h", "--realm-dir", "r", "--provider-jar", "p.jar", "--dist-zip", "d.zip",
                "--start-timeout", "30");

        assertThat(cli.port).isEqualTo(8180);
        assertThat(cli.managementPort).isEqualTo(9100);
        assertThat(cli.reset).isTrue();
        assertThat(cli.home).isEqualTo(Path.of("h"));
        assertThat(cli.realmDir).isEqualTo(Path.of("r"));
        assertThat(cli.providerJar).isEqualTo(Path.of("p.jar"));
        assertThat(cli.distZip).isEqualTo(Path.of("d.zip"));
        assertThat(cli.startTimeoutSeconds).isEqualTo(30);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run(new DevStackCli(), "--prot", "1")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void samePortTwiceIsAUsageError() {
        assertThat(run(new DevStackCli(), "--port", "9000", "--management-port", "9000", "--home", home.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("must differ");
    }

    @Test
    void takenPortGivesOneLineOnStderrAndExitCode2() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            int code = run(new DevStackCli(), "--port", String.valueOf(port), "--management-port", "1",
                    "--home", home.toString());

            assertThat(code).isEqualTo(ExitCodes.PORT_TAKEN);
            assertThat(err.toString().strip()).startsWith("dev-stack: port " + port + " is already in use")
                    .doesNotContain("\n");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void missingProviderJarSaysHowToBuildIt() {
        int code = run(new DevStackCli(), "--port", String.valueOf(FreePorts.pick()),
                "--management-port", String.valueOf(FreePorts.pick()), "--home", home.toString(),
                "--provider-jar", home.resolve("nope.jar").toString());

        assertThat(code).isEqualTo(ExitCodes.MISSING_INPUT);
        assertThat(err.toString()).contains("provider jar not found").contains("./mvnw");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        assertThat(run(new DevStackCli(), "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Examples:").contains("--reset").contains("Exit codes");
    }
}
