package io.mozaiks.identity.doctor.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.doctor.ExitCodes;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/** A {@link TokenReport} as text or JSON; the token itself only when asked for ({@code --show-token}). */
public final class TokenOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenOutput() {
    }

    /** Writes the report; answers the exit code (findings or not). */
    public static int write(TokenReport report, PrintWriter out, boolean json, String token) throws JsonProcessingException {
        if (json) {
            out.println(JSON.writeValueAsString(toJson(report, token)));
        } else {
            print(report, out, token);
        }
        out.flush();
        return report.hasFindings() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static ObjectNode toJson(TokenReport report, String token) {
        ObjectNode root = JSON.createObjectNode();
        root.putPOJO("header", report.header());
        root.put("kind", report.kind() == null ? null : report.kind().name().toLowerCase());
        root.put("issuer_checked", report.issuer());
        root.putPOJO("claims", report.claims());
        ArrayNode verdicts = root.putArray("verdicts");
        for (Verdict v : report.verdicts()) {
            ObjectNode node = verdicts.addObject();
            node.put("scheme", v.scheme().name().toLowerCase());
            node.put("title", v.scheme().title());
            node.put("verdict", v.accepted() ? "ACCEPT" : "REJECT");
            node.put("meant_for_this_token", v.expected());
            node.put("status", v.status());
            if (!v.accepted()) {
                node.put("rule", v.rule().name());
                node.put("reason", v.rule().words());
                node.put("detail", v.detail());
                node.put("fix", v.rule().fix());
            } else {
                node.putPOJO("principal", v.principal());
            }
        }
        root.putPOJO("warnings", report.warnings());
        root.putPOJO("notes", report.notes());
        root.put("findings", report.hasFindings());
        if (token != null) {
            root.put("token", token);
        }
        return root;
    }

    private static void print(TokenReport report, PrintWriter out, String token) {
        Map<String, Object> c = report.claims();
        out.printf("token: %s token, alg %s, kid %s%n", report.kind() == null ? "unreadable" : report.kind().name().toLowerCase(),
                report.header().get("alg"), report.header().get("kid"));
        for (String name : new String[] {"iss", "aud", "azp", "sub", "scope", "scp", "roles", "tid", "amr", "acr"}) {
            if (c.containsKey(name)) {
                out.printf("  %-6s %s%n", name, c.get(name));
            }
        }
        if (c.get("exp") instanceof Number exp) {
            out.printf("  %-6s %s%n", "exp", Instant.ofEpochSecond(exp.longValue()));
        }
        out.println();
        for (Verdict v : report.verdicts()) {
            String mark = v.accepted() ? "ACCEPT" : v.expected() ? "REJECT" : "reject";
            out.printf("%-6s %s%n", mark, v.scheme().title());
            if (v.accepted()) {
                out.printf("       principal: %s%n", v.principal());
            } else if (v.expected()) {
                out.printf("       %d, %s: %s%n       fix: %s%n", v.status(), v.rule().words(), v.detail(), v.rule().fix());
            } else {
                out.printf("       (expected: this scheme is for %s tokens) %s%n", v.scheme().meantFor().name().toLowerCase(), v.detail());
            }
        }
        report.warnings().forEach(w -> out.println("WARNING " + w));
        report.notes().forEach(n -> out.println("note: " + n));
        if (token != null) {
            out.println("token: " + token);
        }
        out.println(report.hasFindings() ? "RESULT findings (exit 1)" : "RESULT no finding (exit 0)");
    }
}
