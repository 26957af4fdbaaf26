package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.Plan;
import java.util.List;

/** How a plan maps to exit codes, a summary line and report rows; plan and check both read it from here. */
final class MirrorResults {
    private MirrorResults() {
    }

    static int exitCode(Plan plan) {
        if (plan.has(Action.REFUSED)) {
            return ExitCodes.REFUSED;
        }
        return plan.has(Action.CONFLICT) ? ExitCodes.DRIFT_OR_CONFLICT : ExitCodes.OK;
    }

    /** check: any target that differs from its source is drift, a refusal still wins. */
    static int checkExitCode(Plan plan) {
        if (plan.has(Action.REFUSED)) {
            return ExitCodes.REFUSED;
        }
        return plan.drifted().isEmpty() ? ExitCodes.OK : ExitCodes.DRIFT_OR_CONFLICT;
    }

    /** One report row per plan item, showing what the plan would do. */
    static List<ReportItem> items(Plan plan) {
        return plan.items().stream().map(item -> ReportItem.of(item, item.action(), item.reason(), null)).toList();
    }

    static String counts(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (Action action : Action.values()) {
            long count = plan.items().stream().filter(item -> item.action() == action).count();
            if (count > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(count).append(' ').append(action.label());
            }
        }
        return out.toString();
    }
}
