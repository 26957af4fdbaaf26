package io.mozaiks.identity.doctor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mozaiks-doctor keycloak VERSION}: the exit code and the sentence per floor verdict. */
class KeycloakFloorCommandTest {

    @ParameterizedTest
    @CsvSource({"26.7.5, 0, at or above", "26.7.10, 0, at or above", "26.7.3, 1, BELOW the security floor 26.7.4",
            "26.5.6, 1, CVE-2026-18963", "26.4.7, 1, 26.4.15", "26.8.2, 3, newer than every line", "26.7, 64, not a Keycloak version",
            "'26.7.5;id', 64, not a Keycloak version"})
    void judgesTheVersion(String version, int exit, String words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("keycloak", version)).isEqualTo(exit);
        assertThat(out + err.toString()).contains(words);
        if (exit == 1) {
            assertThat(out.toString()).startsWith("WARNING");
        }
    }

    @org.junit.jupiter.api.Test
    void answersAsJson() throws Exception {
        StringWriter out = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("keycloak", "--json", "26.7.3")).isEqualTo(ExitCodes.FINDINGS);
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(answer.get("version").asText()).isEqualTo("26.7.3");
        assertThat(answer.get("status").asText()).isEqualTo("below_floor");
        assertThat(answer.get("message").asText()).contains("26.7.4");
    }
}
