package io.mozaiks.identity.doctor.token;

import io.mozaiks.identity.consumers.CallerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mozaiks-doctor token}: ACCEPT or REJECT per consumer scheme, the deciding rule, the fix, the principal. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Checks an access token with each consumer's own rules.",
        footer = {"", "Examples:",
                "  mozaiks-doctor token --issuer https://id.example.com/realms/mozaiks \"$TOKEN\"",
                "  mozaiks-doctor token --jwks certs.json --json - < token.txt"})
public final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN|-", description = "The access token, or - (default) to read it from standard input.")
    String token = "-";

    @Option(names = "--issuer", paramLabel = "URL", description = "The issuer your consumers are configured with (default: the token's own iss, with a warning).")
    String issuer;

    @Option(names = "--jwks", paramLabel = "FILE", description = "Check the signature offline against this JWKS file instead of the issuer's.")
    Path jwks;

    @Option(names = "--kind", description = "user or service (default: from the claims).")
    CallerKind kind;

    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String value = "-".equals(token) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : token;
        if (value.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no token given (argument or standard input)");
        }
        if (jwks != null && !Files.isRegularFile(jwks)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jwks " + jwks + ": no such file");
        }
        TokenReport report = TokenExamination.examine(value, issuer, jwks, kind);
        return TokenOutput.write(report, spec.commandLine().getOut(), output.json, output.shown(value.strip()));
    }
}
