package io.mozaiks.identity.doctor.realm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code mozaiks-doctor realm plan}: what {@code realm apply} would change; reads only. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: reads the realm and prints the changes that make it carry the contract for the named clients.")
public final class RealmPlanCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RealmOptions options = new RealmOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RealmRun.run(options, spec, false);
    }
}
