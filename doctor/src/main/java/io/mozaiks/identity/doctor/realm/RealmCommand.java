package io.mozaiks.identity.doctor.realm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mozaiks-doctor realm}: brings an existing realm to the contract; {@code plan} (dry run) or {@code apply}. */
@Command(name = "realm", mixinStandardHelpOptions = true, subcommands = {RealmPlanCommand.class, RealmApplyCommand.class},
        description = {"Deploys the contract into an existing realm: `plan` prints the changes (dry run), `apply` makes"
                + " exactly those and prints the conformance report.",
                "Admin credentials come from the environment",
                "(" + AdminCredentials.USER + "/" + AdminCredentials.PASSWORD + ", or " + AdminCredentials.CLIENT_ID + "/"
                        + AdminCredentials.CLIENT_SECRET + ") or --password-stdin, never from the command line."},
        footer = {"", "Example:",
                "  MOZAIKS_ADMIN_USER=admin MOZAIKS_ADMIN_PASSWORD=... mozaiks-doctor realm plan --url https://id.example.com \\",
                "      --realm mozaiks --client mozaiks-shell --service-account mozaiks-core"})
public final class RealmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "realm needs a command: plan (dry run) or apply");
    }
}
