package io.mozaiks.identity.doctor.realm;

import java.io.PrintWriter;

/** A {@link RealmPlan} as the operator reads it: the numbered changes, what stays untouched, and notes. */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(RealmPlan plan, String url, boolean dryRun, PrintWriter out) {
        out.println("mozaiks-doctor realm " + (dryRun ? "plan" : "apply") + ": realm " + plan.realm() + " at " + url
                + ", contract " + ContractNames.VERSION + (dryRun ? " (dry run: nothing is changed)" : ""));
        if (plan.isEmpty()) {
            out.println("Nothing to change: the realm already carries the contract for the named clients.");
        } else {
            out.println("Changes (" + plan.changes().size() + "), in the order `realm apply` makes them:");
            int n = 1;
            for (Change change : plan.changes()) {
                out.printf("  %2d. %s%n", n++, change.describe());
            }
        }
        out.println("Not touched:");
        plan.untouched().forEach(line -> out.println("  - " + line));
        if (!plan.notices().isEmpty()) {
            out.println("Notes (conformance may still report these; the doctor leaves them to you):");
            plan.notices().forEach(line -> out.println("  - " + line));
        }
        out.flush();
    }
}
