package io.mozaiks.identity.keycloak.conformance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One conformance check's outcome: pass, warn (worth fixing, the contract still holds) or fail, with the
 * reason and the fix an admin applies.
 *
 * @param id      stable check id (documented in docs/contracts/contract-endpoint-v1.1.md)
 * @param subject what was checked: {@code realm}, a client id, or a client scope name
 */
public record Check(String id, String subject, Status status, String reason, String fix) {

    public enum Status { PASS, WARN, FAIL }

    public static Check pass(String id, String subject) {
        return new Check(id, subject, Status.PASS, null, null);
    }

    public static Check warn(String id, String subject, String reason, String fix) {
        return new Check(id, subject, Status.WARN, reason, fix);
    }

    public static Check fail(String id, String subject, String reason, String fix) {
        return new Check(id, subject, Status.FAIL, reason, fix);
    }

    /** True unless the check failed: a warning does not fail the report. */
    public boolean pass() {
        return status != Status.FAIL;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", status.name().toLowerCase(Locale.ROOT));
        if (status != Status.PASS) {
            json.put("reason", reason);
            json.put("fix", fix);
        }
        return json;
    }
}
