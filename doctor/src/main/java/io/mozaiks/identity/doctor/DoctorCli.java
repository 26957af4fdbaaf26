package io.mozaiks.identity.doctor;

import io.mozaiks.identity.doctor.env.EnvCommand;
import io.mozaiks.identity.doctor.realm.ContractNames;
import io.mozaiks.identity.doctor.realm.RealmCommand;
import io.mozaiks.identity.doctor.server.KeycloakFloorCommand;
import io.mozaiks.identity.doctor.token.FetchServiceTokenCommand;
import io.mozaiks.identity.doctor.token.LoginCommand;
import io.mozaiks.identity.doctor.token.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mozaiks-doctor}: which consumer rule a token or an env file fails, and the fix. */
@Command(name = "mozaiks-doctor", mixinStandardHelpOptions = true, version = "mozaiks-doctor (contract " + ContractNames.VERSION + ")",
        subcommands = {TokenCommand.class, FetchServiceTokenCommand.class, LoginCommand.class, EnvCommand.class,
                RealmCommand.class, KeycloakFloorCommand.class},
        description = {"Explains a token or a consumer env against what each consumer really checks",
                "(mozaiks-core runtime and its successor, plugin-host, platform Bearer and InternalBearer)."},
        footer = {"", "Examples:",
                "  mozaiks-doctor token --issuer https://id.example.com/realms/mozaiks eyJhbGciOi...",
                "  pbpaste | mozaiks-doctor token --json -",
                "  mozaiks-doctor env --consumer core core.env",
                "  mozaiks-doctor env --consumer platform --from-env",
                "  MOZAIKS_DOCTOR_CLIENT_SECRET=... mozaiks-doctor fetch-service-token --issuer URL mozaiks-core",
                "  mozaiks-doctor login --issuer URL --client my-public-app",
                "  MOZAIKS_ADMIN_USER=admin MOZAIKS_ADMIN_PASSWORD=... mozaiks-doctor realm plan --url URL --realm mozaiks --client mozaiks-shell",
                "  mozaiks-doctor keycloak 26.7.5",
                "", "Exit codes: 0 no finding, 1 findings, 2 refused (nothing changed), 3 could not check, 64 usage."})
public final class DoctorCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the doctor's exit codes for usage errors. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DoctorCli());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(DoctorCli::usageExitCodes);
        return cli;
    }

    private static void usageExitCodes(CommandLine sub) {
        sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        sub.getSubcommands().values().forEach(DoctorCli::usageExitCodes);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: token, env or realm");
    }
}
