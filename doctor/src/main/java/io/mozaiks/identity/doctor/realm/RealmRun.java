package io.mozaiks.identity.doctor.realm;

import io.mozaiks.identity.doctor.ExitCodes;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;

/** The run both subcommands share: connect, read, plan, print; for apply, perform and report conformance. */
final class RealmRun {

    private RealmRun() {
    }

    static int run(RealmOptions options, CommandLine.Model.CommandSpec spec, boolean apply) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RealmPlan plan;
        AdminConnection admin;
        try {
            DeployRequest request = options.request();
            admin = options.connect(System::getenv, System.in);
            RealmSnapshot snapshot = SnapshotReader.read(admin, request.serviceAccounts());
            plan = RealmPlanner.plan(snapshot, request);
        } catch (PlanRefused refused) {
            return fail(err, "refused: " + refused.getMessage() + " Nothing was changed.", ExitCodes.REFUSED);
        } catch (AdminConnection.CallFailed failed) {
            return fail(err, failed.status() == 403
                    ? "refused: the admin account may not read realm " + options.realm + " (HTTP 403): it needs the"
                    + " realm-management roles view-realm, view-clients and view-users. Nothing was changed."
                    : "cannot read realm " + options.realm + ": " + failed.getMessage(), failed.status() == 403
                    ? ExitCodes.REFUSED : ExitCodes.CANNOT_CHECK);
        } catch (IOException | RuntimeException e) {
            return fail(err, "cannot read realm " + options.realm + ": " + e.getMessage(), ExitCodes.CANNOT_CHECK);
        }
        ServerVersionNotice.of(admin).ifPresent(line -> {
            err.println("mozaiks-doctor realm: " + line);
            err.flush();
        });
        PlanPrinter.print(plan, options.url, !apply, out);
        if (!apply) {
            if (!plan.isEmpty()) {
                out.println("Run the same command with `realm apply` to make these changes.");
                out.flush();
            }
            return ExitCodes.OK;
        }
        PlanExecutor executor = new PlanExecutor(admin, out);
        try {
            executor.checkRoles(plan);
            executor.apply(plan);
        } catch (PlanExecutor.Stopped stopped) {
            return fail(err, stopped.getMessage(), stopped.changed() == 0 ? ExitCodes.REFUSED : ExitCodes.CANNOT_CHECK);
        }
        if (!plan.isEmpty()) {
            out.println("Applied " + plan.changes().size() + " change(s).");
        }
        return ConformanceCall.report(admin, out);
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("mozaiks-doctor realm: " + message);
        err.flush();
        return code;
    }
}
