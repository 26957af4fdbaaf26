package io.mozaiks.identity.doctor.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.doctor.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mozaiks-doctor token}: ACCEPT or REJECT per consumer scheme, the deciding rule, the fix, the principal. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Checks an access token with each consumer's own rules.",
        footer = {"", "Examples:",
                "  mozaiks-doctor token --issuer https://id.example.com/realms/mozaiks \"$TOKEN\"",
                "  mozaiks-doctor token --jwks certs.json --json - < token.txt"})
public final class TokenCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN|-", description = "The access token, or - (default) to read it from standard input.")
    String token = "-";

    @Option(names = "--issuer", paramLabel = "URL", description = "The issuer your consumers are configured with (default: the token's own iss, with a warning).")
    String issuer;

    @Option(names = "--jwks", paramLabel = "FILE", description = "Check the signature offline against this JWKS file instead of the issuer's.")
    Path jwks;

    @Option(names = "--kind", description = "user or service (default: from the claims).")
    TokenKind kind;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--show-token", description = "Also print the token itself (never printed otherwise).")
    boolean showToken;

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
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(toJson(report, showToken ? value.strip() : null)));
        } else {
            print(report, out, showToken ? value.strip() : null);
        }
        out.flush();
        return report.hasFindings() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static ObjectNode toJson(TokenReport report, String token) {
        ObjectNode root = JSON.createObjectNode();
        root.putPOJO("header", report.header());
        root.put("kind", report.kind() == null ? null : report.kind().name().toLowerCase());
        root.put("issuer_checked", report.issuer());
        root.putPOJO("claims", report.claims());
        ArrayNode verdicts = root.putArray("verdicts");
        for (Verdict v : report.verdicts()) {
            ObjectNode node = verdicts.addObject();
            node.put("scheme", v.scheme().name().toLowerCase());
            node.put("title", v.scheme().title());
            node.put("verdict", v.accepted() ? "ACCEPT" : "REJECT");
            node.put("meant_for_this_token", v.expected());
            node.put("status", v.status());
            if (!v.accepted()) {
                node.put("rule", v.rule().name());
                node.put("reason", v.rule().words());
                node.put("detail", v.detail());
                node.put("fix", v.rule().fix());
            } else {
                node.putPOJO("principal", v.principal());
            }
        }
        root.putPOJO("warnings", report.warnings());
        root.putPOJO("notes", report.notes());
        root.put("findings", report.hasFindings());
        if (token != null) {
            root.put("token", token);
        }
        return root;
    }

    private static void print(TokenReport report, PrintWriter out, String token) {
        Map<String, Object> c = report.claims();
        out.printf("token: %s token, alg %s, kid %s%n", report.kind() == null ? "unreadable" : report.kind().name().toLowerCase(),
                report.header().get("alg"), report.header().get("kid"));
        for (String name : new String[] {"iss", "aud", "azp", "sub", "scope", "scp", "roles", "tid", "amr", "acr"}) {
            if (c.containsKey(name)) {
                out.printf("  %-6s %s%n", name, c.get(name));
            }
        }
        if (c.get("exp") instanceof Number exp) {
            out.printf("  %-6s %s%n", "exp", Instant.ofEpochSecond(exp.longValue()));
        }
        out.println();
        for (Verdict v : report.verdicts()) {
            String mark = v.accepted() ? "ACCEPT" : v.expected() ? "REJECT" : "reject";
            out.printf("%-6s %s%n", mark, v.scheme().title());
            if (v.accepted()) {
                out.printf("       principal: %s%n", v.principal());
            } else if (v.expected()) {
                out.printf("       %d, %s: %s%n       fix: %s%n", v.status(), v.rule().words(), v.detail(), v.rule().fix());
            } else {
                out.printf("       (expected: this scheme is for %s tokens) %s%n", v.scheme().meantFor().name().toLowerCase(), v.detail());
            }
        }
        report.warnings().forEach(w -> out.println("WARNING " + w));
        report.notes().forEach(n -> out.println("note: " + n));
        if (token != null) {
            out.println("token: " + token);
        }
        out.println(report.hasFindings() ? "RESULT findings (exit 1)" : "RESULT no finding (exit 0)");
    }
}
