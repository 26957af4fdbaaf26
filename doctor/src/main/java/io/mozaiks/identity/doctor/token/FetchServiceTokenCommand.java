package io.mozaiks.identity.doctor.token;

import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.CoreTokenFetch;
import io.mozaiks.identity.contractenv.EnvNames;
import io.mozaiks.identity.contractenv.WellKnown;
import io.mozaiks.identity.doctor.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mozaiks-doctor fetch-service-token}: fetches a client-credentials token the way mozaiks-core does
 * (discovery, then the token endpoint it names) and explains it like {@code token}. The secret comes from an
 * environment variable, never from the command line (where process lists and shell history would keep it).
 */
@Command(name = "fetch-service-token", mixinStandardHelpOptions = true,
        description = "Fetches a service token as mozaiks-core does, then checks it with each consumer's rules.",
        footer = {"", "Example:",
                "  MOZAIKS_DOCTOR_CLIENT_SECRET=... mozaiks-doctor fetch-service-token --issuer https://id.example.com/realms/mozaiks mozaiks-core"})
public final class FetchServiceTokenCommand implements Callable<Integer> {

    public static final String DEFAULT_SECRET_VARIABLE = "MOZAIKS_DOCTOR_CLIENT_SECRET";

    @Parameters(index = "0", paramLabel = "CLIENT_ID", description = "The confidential client with a service account.")
    String clientId;

    @Option(names = "--issuer", required = true, paramLabel = "URL", description = "The realm's issuer, e.g. https://id.example.com/realms/mozaiks.")
    String issuer;

    @Option(names = "--secret-env", paramLabel = "NAME", description = "The environment variable that holds the client secret (default: "
            + DEFAULT_SECRET_VARIABLE + ").")
    String secretVariable = DEFAULT_SECRET_VARIABLE;

    @Option(names = "--secret-stdin", description = "Read the client secret from standard input instead (e.g. from a secret manager's CLI).")
    boolean secretFromStdin;

    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String secret = secretFromStdin ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip() : System.getenv(secretVariable);
        if (secret == null || secret.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "set the client secret in the environment variable "
                    + secretVariable + " (it is never taken from the command line)");
        }
        String token;
        try {
            token = CoreTokenFetch.fetch(Map.of(EnvNames.MOZAIKS_OIDC_DISCOVERY_URL, WellKnown.discoveryUrl(issuer),
                    EnvNames.MOZAIKS_PLATFORM_CLIENT_ID, clientId, EnvNames.MOZAIKS_PLATFORM_CLIENT_SECRET, secret));
        } catch (RuntimeException | AssertionError e) {
            spec.commandLine().getErr().println("fetch-service-token: no token: " + e.getMessage().replace(secret, "***"));
            spec.commandLine().getErr().flush();
            return ExitCodes.CANNOT_CHECK;
        }
        TokenReport report = TokenExamination.examine(token, issuer, null, CallerKind.SERVICE);
        return TokenOutput.write(report, spec.commandLine().getOut(), output.json, output.shown(token));
    }
}
