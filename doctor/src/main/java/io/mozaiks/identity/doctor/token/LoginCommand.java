package io.mozaiks.identity.doctor.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.contractenv.WellKnown;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.doctor.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mozaiks-doctor login}: a user token through the OAuth 2.0 device authorization grant (RFC 8628):
 * the user signs in with any browser, on any device, and the token is explained like {@code token}. Needs a
 * public client with "OAuth 2.0 Device Authorization Grant" on; the doctor never sees a password.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Gets a user token by device login (open a URL, sign in), then checks it with each consumer's rules.",
        footer = {"", "Example:",
                "  mozaiks-doctor login --issuer https://id.example.com/realms/mozaiks --client my-public-app"})
public final class LoginCommand implements Callable<Integer> {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @Option(names = "--issuer", required = true, paramLabel = "URL", description = "The realm's issuer.")
    String issuer;

    @Option(names = "--client", required = true, paramLabel = "CLIENT_ID",
            description = "A public client with the device authorization grant enabled (and the contract scope as a Default scope).")
    String clientId;

    @Option(names = "--scope", paramLabel = "SCOPES", description = "Extra scopes to request (default: none beyond the client's defaults).")
    String scope;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the sign-in (default: the device code's lifetime, at most 600).")
    int timeoutSeconds = 600;

    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Reply discovery = get(WellKnown.discoveryUrl(issuer));
        String deviceEndpoint = discovery == null ? null : discovery.field("device_authorization_endpoint");
        String tokenEndpoint = discovery == null ? null : discovery.field("token_endpoint");
        if (deviceEndpoint == null || tokenEndpoint == null) {
            return cannot(err, "the issuer's discovery document names no device authorization endpoint: " + issuer);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (scope != null) {
            form.put("scope", scope);
        }
        Reply device = Http.postForm(deviceEndpoint, form);
        if (device.status() != 200) {
            return cannot(err, "the device endpoint refused (" + device.status() + " " + device.body() + "): the client must be"
                    + " public with \"OAuth 2.0 Device Authorization Grant\" on (Clients > client > Capability config)");
        }
        JsonNode grant = device.json();
        String where = grant.path("verification_uri_complete").asText(grant.path("verification_uri").asText());
        err.printf("Open %s%nand sign in (code %s). Waiting...%n", where, grant.path("user_code").asText());
        err.flush();

        Duration interval = Duration.ofSeconds(Math.max(1, grant.path("interval").asInt(5)));
        Instant deadline = Instant.now().plusSeconds(Math.min(timeoutSeconds, grant.path("expires_in").asInt(timeoutSeconds)));
        Map<String, String> poll = Map.of("grant_type", DEVICE_GRANT, "client_id", clientId,
                "device_code", grant.path("device_code").asText());
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(interval.toMillis());
            Reply answer = Http.postForm(tokenEndpoint, poll);
            if (answer.status() == 200) {
                String token = answer.field("access_token");
                TokenReport report = TokenExamination.examine(token, issuer, null, CallerKind.USER);
                return TokenOutput.write(report, spec.commandLine().getOut(), output.json, output.shown(token));
            }
            String error = answer.status() == 400 ? answer.field("error") : "HTTP " + answer.status();
            if ("slow_down".equals(error)) {
                interval = interval.plusSeconds(5);
            } else if (!"authorization_pending".equals(error)) {
                return cannot(err, "no token: " + error + " " + answer.body());
            }
        }
        return cannot(err, "no sign-in within " + timeoutSeconds + " s");
    }

    private static Reply get(String url) {
        try {
            Reply reply = Http.get(url);
            return reply.status() == 200 ? reply : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int cannot(PrintWriter err, String message) {
        err.println("login: " + message);
        err.flush();
        return ExitCodes.CANNOT_CHECK;
    }
}
