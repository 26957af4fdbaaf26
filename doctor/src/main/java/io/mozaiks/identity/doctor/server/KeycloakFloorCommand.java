package io.mozaiks.identity.doctor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.doctor.ExitCodes;
import io.mozaiks.identity.runner.floor.FloorCheck;
import io.mozaiks.identity.runner.floor.KeycloakVersion;
import io.mozaiks.identity.runner.floor.SecurityFloor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code mozaiks-doctor keycloak VERSION}: the server version against the security floor (keycloak-runner's
 * {@link SecurityFloor}, the same table {@code bin/dev-stack} uses). Offline on purpose: Keycloak publishes its
 * version only to administrators, so the operator passes what the admin console's server info, {@code kc.sh
 * --version} or the image tag says.
 */
@Command(name = "keycloak", mixinStandardHelpOptions = true,
        description = "Checks a Keycloak server version against the security floor (docs/operations.md).",
        footer = {"", "Examples:",
                "  mozaiks-doctor keycloak 26.7.3",
                "  mozaiks-doctor keycloak \"$(/opt/keycloak/bin/kc.sh --version | sed -n 's/^Keycloak //p')\"",
                "", "Exit codes: 0 at or above the floor, 1 below it, 3 a line the floor does not know, 64 not a version."})
public final class KeycloakFloorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VERSION", description = "The Keycloak server version, e.g. 26.7.5.")
    String version;

    @CommandLine.Option(names = "--json", description = "Answer as JSON: version, status, message.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KeycloakVersion parsed;
        try {
            parsed = KeycloakVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FloorCheck check = SecurityFloor.check(parsed);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("version", check.version().toString());
            answer.put("status", check.status().name().toLowerCase(Locale.ROOT));
            answer.put("message", check.message());
            try {
                out.println(new ObjectMapper().writeValueAsString(answer));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println((check.belowFloor() ? "WARNING " : "") + check.message());
        }
        out.flush();
        return switch (check.status()) {
            case PATCHED -> ExitCodes.OK;
            case BELOW_FLOOR -> ExitCodes.FINDINGS;
            case UNKNOWN -> ExitCodes.CANNOT_CHECK;
        };
    }
}
