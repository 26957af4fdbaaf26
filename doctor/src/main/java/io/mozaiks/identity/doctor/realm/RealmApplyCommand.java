package io.mozaiks.identity.doctor.realm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code mozaiks-doctor realm apply}: makes exactly the plan's changes, then prints the conformance report. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Makes the changes `realm plan` prints, in that order, then prints the conformance report.")
public final class RealmApplyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    RealmOptions options = new RealmOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RealmRun.run(options, spec, true);
    }
}
