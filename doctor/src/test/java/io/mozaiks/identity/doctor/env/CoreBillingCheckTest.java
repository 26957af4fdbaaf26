package io.mozaiks.identity.doctor.env;

import com.sun.net.httpserver.HttpServer;
import io.mozaiks.identity.doctor.DoctorCli;
import io.mozaiks.identity.doctor.ExitCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code env --consumer core}: the billing settings that would send core's service token to the hosted default
 * platform URL; the contract document is served by a local stand-in (the real endpoint is DoctorIT's).
 */
class CoreBillingCheckTest {

    private static final String SECRET = "s3cret-value";
    private static HttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void contract() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/mozaiks/mozaiks/contract/env/core", exchange -> {
            byte[] body = String.join("\n", contractEnv()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void platformBillingWithoutItsUrlIsAFailureWithTheFix() {
        List<EnvComparison.Difference> found = CoreBillingCheck.check(Map.of("MOZAIKS_BILLING_PROVIDER", "platform"));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(CoreBillingCheck.UNSAFE);
            assertThat(d.name()).isEqualTo("MOZAIKS_BILLING_PROVIDER");
            assertThat(d.fix()).contains("set MOZAIKS_PLATFORM_URL").contains("hosted default URL");
        });
        assertThat(CoreBillingCheck.check(Map.of("MOZAIKS_BILLING_PROVIDER", " Platform ", "MOZAIKS_PLATFORM_URL", " ")))
                .extracting(EnvComparison.Difference::kind).containsExactly(CoreBillingCheck.UNSAFE);
        assertThat(CoreBillingCheck.check(Map.of("MOZAIKS_BILLING_PROVIDER", "platform",
                "MOZAIKS_PLATFORM_URL", "https://platform.internal.example"))).isEmpty();
        assertThat(CoreBillingCheck.check(Map.of("MOZAIKS_BILLING_PROVIDER", "stripe"))).isEmpty();
        assertThat(CoreBillingCheck.check(Map.of())).isEmpty();
    }

    @Test
    void aSecretWithoutTheUrlIsAWarningThatNeverEchoesTheSecret() {
        List<EnvComparison.Difference> found = CoreBillingCheck.check(Map.of("MOZAIKS_PLATFORM_CLIENT_SECRET", SECRET));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(CoreBillingCheck.WARN);
            assertThat(d.actual()).isNull();
            assertThat(d.fix()).contains("MOZAIKS_PLATFORM_URL").doesNotContain(SECRET);
        });
        assertThat(CoreBillingCheck.check(Map.of("MOZAIKS_PLATFORM_CLIENT_SECRET", SECRET,
                "MOZAIKS_PLATFORM_URL", "https://platform.internal.example"))).isEmpty();
    }

    @Test
    void envFailsOnPlatformBillingWithoutTheUrlAndOnlyWarnsForASecret() throws IOException {
        Run unsafe = env("MOZAIKS_BILLING_PROVIDER=platform", "MOZAIKS_PLATFORM_CLIENT_SECRET=" + SECRET);
        assertThat(unsafe.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(unsafe.out()).contains("UNSAFE  MOZAIKS_BILLING_PROVIDER (is platform)", "WARN    MOZAIKS_PLATFORM_CLIENT_SECRET",
                "RESULT 1 difference(s) (exit 1)").doesNotContain(SECRET);

        Run warned = env("MOZAIKS_PLATFORM_CLIENT_SECRET=" + SECRET);
        assertThat(warned.exit()).isEqualTo(ExitCodes.OK);
        assertThat(warned.out()).contains("WARN    MOZAIKS_PLATFORM_CLIENT_SECRET", "1 warning(s) (exit 0)").doesNotContain(SECRET);

        Run clean = env("MOZAIKS_BILLING_PROVIDER=platform", "MOZAIKS_PLATFORM_URL=https://platform.internal.example");
        assertThat(clean.exit()).isEqualTo(ExitCodes.OK);
        assertThat(clean.out()).contains("RESULT the env matches the contract (exit 0)");
    }

    private record Run(int exit, String out) {
    }

    /** The contract's own env plus {@code extra} lines, through {@code mozaiks-doctor env --consumer core FILE}. */
    private Run env(String... extra) throws IOException {
        Path file = dir.resolve("core.env");
        List<String> lines = new java.util.ArrayList<>(contractEnv());
        lines.addAll(List.of(extra));
        Files.write(file, lines);
        StringWriter out = new StringWriter();
        var cli = DoctorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return new Run(cli.execute("env", "--consumer", "core", file.toString()), out.toString());
    }

    private static List<String> contractEnv() {
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/mozaiks";
        return List.of("MOZAIKS_OIDC_DISCOVERY_URL=" + issuer + "/.well-known/openid-configuration", "AUTH_AUDIENCE=mozaiks-api",
                "AUTH_REQUIRED_SCOPE=access_as_user");
    }
}
