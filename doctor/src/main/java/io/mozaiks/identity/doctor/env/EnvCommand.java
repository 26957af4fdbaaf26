package io.mozaiks.identity.doctor.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.contractenv.DotEnv;
import io.mozaiks.identity.doctor.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mozaiks-doctor env}: a consumer's env (a file, or this process's environment) against
 * {@code <issuer>/mozaiks/contract/env/<consumer>} of the issuer it names. Asked on the address the env
 * reaches Keycloak on: when that is not the issuer's (inside a container network), with
 * {@code ?backchannel=true}, as the consumer itself would see it.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Compares a consumer env with the live contract endpoint; exit 1 on any difference or unsafe setting.",
        footer = {"", "Examples:",
                "  mozaiks-doctor env --consumer core core.env",
                "  mozaiks-doctor env --consumer plugin-host --from-env      # in the container's entrypoint"})
public final class EnvCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--consumer", required = true, paramLabel = "core|successor|platform|plugin-host|shell|successor-ui",
            description = "Whose env this is (successor: the unified mozaiks runtime, compared with /contract/env/core;"
                    + " shell: mozaiks-core's VITE_AUTH_* file; successor-ui: the successor chat UI's auth.json).")
    String consumer;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The env file (NAME=value lines).")
    Path file;

    @Option(names = "--from-env", description = "Read this process's environment instead of a file.")
    boolean fromEnv;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        java.util.Optional<BrowserDocument> browser = BrowserDocument.named(consumer);
        if (browser.isPresent()) {
            return browser(browser.get());
        }
        ConsumerProfile who;
        try {
            who = ConsumerProfile.named(consumer);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (fromEnv == (file != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either FILE or --from-env");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
        }
        // A file people wrote is read as dotenv loaders read it; the endpoint's document below is read strictly.
        Map<String, String> actual = fromEnv ? System.getenv() : DotEnv.parse(Files.readString(file), DotEnv.Reading.LENIENT);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<EnvComparison.Difference> local = who == ConsumerProfile.CORE ? CoreBillingCheck.check(actual) : List.of();
        String issuer = who.issuer(actual);
        if (issuer == null) {
            printLocal(err, local);
            err.println("env: no issuer in the env (" + who.issuerNamedBy() + "): nothing to compare with");
            return ExitCodes.FINDINGS;
        }
        String url = contractUrl(who, issuer, who.keysUrl(actual));
        Reply reply;
        try {
            reply = Http.get(url);
        } catch (RuntimeException e) {
            printLocal(err, local);
            err.println("env: cannot read " + url + ": " + e.getMessage());
            return ExitCodes.CANNOT_CHECK;
        }
        if (reply.status() != 200) {
            printLocal(err, local);
            err.println("env: " + url + " answered HTTP " + reply.status()
                    + " (404: no such realm, or the mozaiks provider is not installed on that Keycloak)");
            return ExitCodes.CANNOT_CHECK;
        }
        List<EnvComparison.Difference> differences = new ArrayList<>(EnvComparison.compare(who, actual, DotEnv.parse(reply.body())));
        differences.addAll(local);
        return report(who.name(), url, differences);
    }

    /** The shell's VITE_AUTH_* (a file or this environment) or the successor UI's auth.json against its document. */
    private Integer browser(BrowserDocument document) throws IOException {
        if (fromEnv == (file != null) || (fromEnv && document == BrowserDocument.SUCCESSOR_UI)) {
            throw new CommandLine.ParameterException(spec.commandLine(), document == BrowserDocument.SUCCESSOR_UI
                    ? "give the auth.json FILE" : "give either FILE or --from-env");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> actual;
        try {
            actual = fromEnv ? System.getenv() : document.read(Files.readString(file));
        } catch (IOException unreadable) {
            err.println("env: " + file + " is not readable as " + document.segment() + ": " + unreadable.getMessage());
            return ExitCodes.FINDINGS;
        }
        String issuer = document.issuer(actual);
        if (issuer == null || issuer.isBlank()) {
            err.println("env: no issuer (" + (document == BrowserDocument.SHELL ? "VITE_AUTH_AUTHORITY" : "keycloak.authority")
                    + "): nothing to compare with");
            return ExitCodes.FINDINGS;
        }
        String url;
        Reply reply;
        try {
            url = document.url(issuer, actual);
            reply = Http.get(url);
        } catch (RuntimeException e) {
            err.println("env: cannot read the " + document.segment() + " document of " + issuer + ": " + e.getMessage());
            return ExitCodes.CANNOT_CHECK;
        }
        if (reply.status() != 200) {
            err.println("env: " + url + " answered HTTP " + reply.status() + ": " + reply.body());
            return ExitCodes.CANNOT_CHECK;
        }
        return report(document.segment(), url, EnvComparison.compareSet(actual, document.expected(reply.body())));
    }

    private Integer report(String who, String url, List<EnvComparison.Difference> differences) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long failures = differences.stream().filter(d -> !CoreBillingCheck.WARN.equals(d.kind())).count();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("consumer", who);
            root.put("compared_with", url);
            root.putPOJO("differences", differences);
            root.put("findings", failures > 0);
            out.println(JSON.writeValueAsString(root));
        } else {
            out.println("compared with " + url);
            for (EnvComparison.Difference d : differences) {
                out.printf("%-7s %s%s%n        fix: %s%n", d.kind(), d.name(),
                        d.actual() == null ? "" : " (is " + d.actual() + ")", d.fix());
            }
            long warnings = differences.size() - failures;
            out.println(failures > 0 ? "RESULT " + failures + " difference(s) (exit 1)"
                    : warnings > 0 ? "RESULT the env matches the contract, " + warnings + " warning(s) (exit 0)"
                    : "RESULT the env matches the contract (exit 0)");
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Findings from the env alone, shown even when the contract cannot be compared. */
    private static void printLocal(PrintWriter err, List<EnvComparison.Difference> local) {
        for (EnvComparison.Difference d : local) {
            err.printf("%-7s %s%s%n        fix: %s%n", d.kind(), d.name(), d.actual() == null ? "" : " (is " + d.actual() + ")", d.fix());
        }
    }

    /** The env document, asked where the consumer reaches Keycloak (back channel when that is not the issuer's origin). */
    static String contractUrl(ConsumerProfile who, String issuer, String keysUrl) {
        String document = issuer + "/mozaiks/contract/env/" + who.id().segment();
        String issuerOrigin = origin(issuer);
        if (keysUrl == null || origin(keysUrl).equals(issuerOrigin)) {
            return document;
        }
        return origin(keysUrl) + document.substring(issuerOrigin.length()) + "?backchannel=true";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
