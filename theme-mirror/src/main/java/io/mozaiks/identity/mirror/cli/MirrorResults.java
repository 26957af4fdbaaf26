package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.Plan;

/** How a plan maps to an exit code and a summary line; shared by plan and check so they agree. */
final class MirrorResults {
    private MirrorResults() {
    }

    static int exitCode(Plan plan) {
        if (plan.has(Action.REFUSED)) {
            return ExitCodes.REFUSED;
        }
        return plan.has(Action.CONFLICT) ? ExitCodes.DRIFT_OR_CONFLICT : ExitCodes.OK;
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
