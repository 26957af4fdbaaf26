package io.mozaiks.identity.mirror.apply;

import io.mozaiks.identity.mirror.plan.Action;
import java.nio.file.Path;
import java.util.List;

/** Everything apply did, for the table/JSON output and the exit code. */
public record ApplyReport(List<ApplyOutcome> outcomes, List<Path> removedTempFiles, String stopReason) {
    public ApplyReport {
        outcomes = List.copyOf(outcomes);
        removedTempFiles = List.copyOf(removedTempFiles);
    }

    public boolean has(Action action) {
        return outcomes.stream().anyMatch(outcome -> outcome.result() == action);
    }
}
