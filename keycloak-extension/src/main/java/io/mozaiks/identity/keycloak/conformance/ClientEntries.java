package io.mozaiks.identity.keycloak.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's per-client entries, bounded in size: every check of every client costs about 0.9 KB
 * (docs/benchmarks.md, conformance report cost), so past {@link #DETAIL_LIMIT} clients those whose checks
 * all pass are listed by id only. Failures and warnings are always listed in full: they are what an
 * admin acts on.
 */
public final class ClientEntries {

    /** Up to this many contract clients, every entry carries its checks. */
    public static final int DETAIL_LIMIT = 200;

    private final List<Map<String, Object>> entries = new ArrayList<>();
    private final List<Boolean> allPass = new ArrayList<>();

    public void add(String clientId, List<Check> checks) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("client_id", clientId);
        entry.put("checks", checks.stream().map(Check::toJson).toList());
        entries.add(entry);
        allPass.add(checks.stream().allMatch(c -> c.status() == Check.Status.PASS));
    }

    /** Whether {@link #toJson()} lists passing clients by id only. */
    public boolean compact() {
        return entries.size() > DETAIL_LIMIT;
    }

    public List<Map<String, Object>> toJson() {
        if (!compact()) {
            return entries;
        }
        List<Map<String, Object>> bounded = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (allPass.get(i)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("client_id", entries.get(i).get("client_id"));
                entry.put("status", "pass");
                bounded.add(entry);
            } else {
                bounded.add(entries.get(i));
            }
        }
        return bounded;
    }
}
