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

    /**
     * check: a refusal wins, then drift (a target differs from its source), then an orphan (a target nothing in
     * the theme shows) unless {@code allowOrphans}.
     */
    static int checkExitCode(Plan plan, boolean orphans, boolean allowOrphans) {
        if (plan.has(Action.REFUSED)) {
            return ExitCodes.REFUSED;
        }
        if (!plan.drifted().isEmpty()) {
            return ExitCodes.DRIFT_OR_CONFLICT;
        }
        return orphans && !allowOrphans ? ExitCodes.ORPHAN : ExitCodes.OK;
    }

    /** One report row per plan item, showing what the plan would do. */
    static List<ReportItem> items(Plan plan, ThemeUsage usage) {
        return plan.items().stream().map(item -> usage.item(item, item.action(), item.reason(), null)).toList();
    }

    /** "; N orphan(s)" for a summary line, or nothing. */
    static String orphanSuffix(Plan plan, ThemeUsage usage) {
        int count = usage.orphans(plan).size();
        return count == 0 ? "" : "; " + count + " orphan(s)";
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
