package io.mozaiks.identity.doctor.realm;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.doctor.ExitCodes;

import java.io.PrintWriter;

/**
 * The extension's conformance report ({@code GET <issuer>/mozaiks/contract/conformance}, view-clients), printed: the
 * status, then every check that does not pass. The endpoint accepts only tokens of the realm itself.
 */
public final class ConformanceCall {

    private ConformanceCall() {
    }

    /** Prints the report; answers the exit code: 0 pass, 1 fail, 3 not checked. */
    public static int report(AdminConnection admin, PrintWriter out) {
        String url = admin.baseUrl() + "/realms/" + Http.enc(admin.realm()) + "/mozaiks/contract/conformance";
        out.println("Conformance (" + url + "):");
        if (!admin.sameRealm()) {
            out.println("  not checked: the report accepts only tokens of realm " + admin.realm() + ", and the admin account"
                    + " signed in to another realm. Run `realm plan` as a user of " + admin.realm() + " with realm-management"
                    + " view-clients (--admin-realm " + admin.realm() + ") to see it; an empty plan and a passing report go together.");
            out.flush();
            return ExitCodes.CANNOT_CHECK;
        }
        Reply reply;
        try {
            reply = admin.sendAbsolute("GET", url, null, 200, 401, 403, 404);
        } catch (RuntimeException unreachable) {
            out.println("  not checked: " + unreachable.getMessage());
            out.flush();
            return ExitCodes.CANNOT_CHECK;
        }
        if (reply.status() != 200) {
            out.println("  not checked: HTTP " + reply.status() + (reply.status() == 404
                    ? " (is the mozaiks provider jar installed in this Keycloak?)"
                    : " (the report needs the realm-management role view-clients)"));
            out.flush();
            return ExitCodes.CANNOT_CHECK;
        }
        JsonNode report = reply.json();
        String status = report.path("status").asText();
        out.println("  status: " + status + " (contract " + report.path("contract_version").asText() + ")");
        print(out, "realm", report.path("realm_checks"));
        for (JsonNode client : report.path("clients")) {
            print(out, "client " + client.path("client_id").asText(), client.path("checks"));
        }
        out.flush();
        return "pass".equals(status) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static void print(PrintWriter out, String where, JsonNode checks) {
        for (JsonNode check : checks) {
            String result = check.path("status").asText(check.path("result").asText());
            if (!"pass".equals(result)) {
                out.println("  " + result + " " + check.path("id").asText() + " (" + where + "): " + check.path("reason").asText()
                        + (check.hasNonNull("fix") ? "\n      fix: " + check.path("fix").asText() : ""));
            }
        }
    }
}
