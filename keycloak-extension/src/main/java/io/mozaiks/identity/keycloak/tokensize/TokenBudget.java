package io.mozaiks.identity.keycloak.tokensize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The realm's access-token size budget: conformance warns above {@code warnBytes} and fails above
 * {@code failBytes}. Realm attributes, set with the other contract settings through
 * {@code PUT <issuer>/mozaiks/contract/settings}. An invalid value falls back to its default and is listed in
 * {@link #problems()}.
 */
public record TokenBudget(int warnBytes, int failBytes, List<String> problems) {

    public static final String WARN_ATTRIBUTE = "mozaiks.token.size.warn";
    public static final String FAIL_ATTRIBUTE = "mozaiks.token.size.fail";
    /** nginx and ingress-nginx: large_client_header_buffers 4 8k, one header line at most 8 KB. */
    public static final int DEFAULT_WARN = 8192;
    /** uvicorn/h11, Node, AWS ALB: 16 KB of headers. */
    public static final int DEFAULT_FAIL = 16384;
    public static final int MIN = 1024;
    public static final int MAX = 1024 * 1024;

    public static TokenBudget of(Map<String, String> realmAttributes) {
        Map<String, String> attrs = realmAttributes == null ? Map.of() : realmAttributes;
        List<String> problems = new ArrayList<>();
        int warn = bytes(attrs.get(WARN_ATTRIBUTE), DEFAULT_WARN, WARN_ATTRIBUTE, problems);
        int fail = bytes(attrs.get(FAIL_ATTRIBUTE), DEFAULT_FAIL, FAIL_ATTRIBUTE, problems);
        if (warn > fail) {
            problems.add(WARN_ATTRIBUTE + " (" + warn + ") is above " + FAIL_ATTRIBUTE + " (" + fail + "); using the defaults");
            warn = DEFAULT_WARN;
            fail = DEFAULT_FAIL;
        }
        return new TokenBudget(warn, fail, List.copyOf(problems));
    }

    /** The problem with a value a realm admin sends, or {@code null} when it is a valid byte count. */
    public static String invalid(String value) {
        try {
            int bytes = Integer.parseInt(value.trim());
            return bytes < MIN || bytes > MAX ? "must be between " + MIN + " and " + MAX + " bytes" : null;
        } catch (NumberFormatException e) {
            return "must be a whole number of bytes";
        }
    }

    private static int bytes(String raw, int fallback, String name, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String problem = invalid(raw);
        if (problem != null) {
            problems.add(name + " " + problem + "; using " + fallback);
            return fallback;
        }
        return Integer.parseInt(raw.trim());
    }
}
