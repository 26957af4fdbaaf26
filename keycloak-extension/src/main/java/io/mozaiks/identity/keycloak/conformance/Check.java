package io.mozaiks.identity.keycloak.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conformance check's outcome: pass, or fail with the reason and the fix an admin applies.
 *
 * @param id      stable check id (documented in docs/contracts/contract-endpoint-v1.md)
 * @param subject what was checked: {@code realm}, a client id, or a client scope name
 */
public record Check(String id, String subject, boolean pass, String reason, String fix) {

    public static Check pass(String id, String subject) {
        return new Check(id, subject, true, null, null);
    }

    public static Check fail(String id, String subject, String reason, String fix) {
        return new Check(id, subject, false, reason, fix);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", pass ? "pass" : "fail");
        if (!pass) {
            json.put("reason", reason);
            json.put("fix", fix);
        }
        return json;
    }
}
