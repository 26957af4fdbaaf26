package io.mozaiks.identity.keycloak.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code .env} each consumer needs, with the variable names each consumer's own code reads. Pure.
 * Values come from the contract (never a secret). A value outside a plain character set is refused,
 * never quoted: quoting rules differ between bash, python-dotenv and compose, and a refused value cannot
 * be misread by any of them, so the output is inert wherever it is sourced.
 */
public final class EnvFile {

    /** The consumers and their path segment in {@code /contract/env/{consumer}}. */
    public enum Consumer {
        CORE("core", "mozaiks-core runtime, its token client and director (Python, PyJWT)"),
        PLATFORM("platform", "mozaiks-platform services (.NET, Mozaiks.Auth)"),
        PLUGIN_HOST("plugin-host", "mozaiks-core plugin-host (Python, python-jose)");

        private final String segment;
        private final String description;

        Consumer(String segment, String description) {
            this.segment = segment;
            this.description = description;
        }

        public String segment() {
            return segment;
        }

        public String description() {
            return description;
        }

        public static Optional<Consumer> fromSegment(String segment) {
            for (Consumer consumer : values()) {
                if (consumer.segment.equals(segment)) {
                    return Optional.of(consumer);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * URL and name characters that no loader treats specially: no whitespace, quotes, {@code # $ & ; | < > ( ) ~ ? * =},
     * backslash or backtick. {@code [ ]} stay for IPv6 hosts (no pathname expansion in an assignment).
     */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+,\\[\\]-]+");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private EnvFile() {
    }

    /**
     * Where a consumer finds the realm: the issuer is always the public one; discovery and JWKS are on the
     * address the consumer uses (the public one, or the in-network one with {@code hostname-backchannel-dynamic}).
     */
    public record Endpoints(String issuer, String discoveryUrl, String jwksUri) {

        public static Endpoints of(String issuer) {
            return new Endpoints(issuer, ContractDocument.discoveryUrl(issuer), ContractDocument.jwksUri(issuer));
        }

        /** @param backchannelIssuer the realm URL on the back-channel address (same path, other base) */
        public static Endpoints backchannel(String issuer, String backchannelIssuer) {
            return new Endpoints(issuer, ContractDocument.discoveryUrl(backchannelIssuer),
                    ContractDocument.jwksUri(backchannelIssuer));
        }
    }

    public static boolean isPlainValue(String value) {
        return value != null && PLAIN_VALUE.matcher(value).matches();
    }

    /**
     * The variables for {@code consumer}, in a stable order.
     *
     * @param allowedClientIds {@code null} = not emitted (public variant); otherwise the platform's
     *                         {@code AUTH_ALLOWED_CLIENT_IDS} (admin variant), already reduced to plain values
     * @throws IllegalStateException naming the setting when the contract cannot provide a plain value
     */
    public static Map<String, String> variables(Consumer consumer, Endpoints endpoints, ContractSettings settings,
                                                List<String> allowedClientIds) {
        String audience = require(ContractDocument.primaryAudience(settings), ContractSettings.AUDIENCE);
        String scope = require(settings.requiredScope(), ContractSettings.REQUIRED_SCOPE);
        Map<String, String> vars = new LinkedHashMap<>();
        switch (consumer) {
            case CORE -> {
                // Core's token client finds its token endpoint ONLY through discovery: without this URL it
                // would post its client secret to a hosted default tenant.
                vars.put("MOZAIKS_OIDC_DISCOVERY_URL", endpoints.discoveryUrl());
                vars.put("AUTH_ENABLED", "true"); // anything but true/1/yes/on turns core's auth off
                vars.put("AUTH_AUDIENCE", audience);
                vars.put("AUTH_REQUIRED_SCOPE", scope);
                vars.put("AUTH_ROLES_CLAIM", ContractV1.CLAIM_ROLES);
                // Validated by core's director at import (MOZAIKS_AUTH_MODE=external); it does not start without them.
                vars.put("MOZAIKS_ISSUER", endpoints.issuer());
                vars.put("MOZAIKS_JWKS_URL", endpoints.jwksUri());
                vars.put("MOZAIKS_AUDIENCE", audience);
            }
            case PLATFORM -> {
                vars.put("AUTH_PROVIDER", "jwt");
                vars.put("AUTH_ISSUER", endpoints.issuer());
                vars.put("AUTH_JWKS_URL", endpoints.jwksUri());
                vars.put("AUTH_AUDIENCE", audience);
                vars.put("AUTH_REQUIRED_SCOPE", scope);
                vars.put("AUTH_ROLES_CLAIM", ContractV1.CLAIM_ROLES);
                vars.put("AUTH_TENANT_CLAIM", ContractV1.CLAIM_TENANT);
                if (allowedClientIds != null) {
                    vars.put("AUTH_ALLOWED_CLIENT_IDS", String.join(",", allowedClientIds));
                }
            }
            case PLUGIN_HOST -> {
                vars.put("JWT_ISSUER", endpoints.issuer());
                vars.put("JWT_AUDIENCE", audience);
                vars.put("JWKS_URL", endpoints.jwksUri());
                vars.put("JWT_ALGORITHMS", "RS256");
                vars.put("SKIP_AUTH", "false");
            }
            default -> throw new IllegalArgumentException("unknown consumer " + consumer);
        }
        vars.forEach(EnvFile::checkLine);
        return Collections.unmodifiableMap(vars);
    }

    /** {@code NAME=value} lines under a comment header. */
    public static String render(Consumer consumer, String realm, String source, Map<String, String> variables) {
        return render(consumer, realm, source, variables, List.of());
    }

    /** @param warnings operator notes, rendered as comment lines (never a refused value itself) */
    public static String render(Consumer consumer, String realm, String source, Map<String, String> variables,
                                List<String> warnings) {
        StringBuilder out = new StringBuilder();
        out.append("# mozaiks contract v").append(ContractV1.VERSION).append(": ").append(consumer.description())
                .append(", realm ").append(comment(realm)).append('\n');
        out.append("# Source: ").append(comment(source)).append('\n');
        warnings.forEach(w -> out.append("# WARNING: ").append(comment(w)).append('\n'));
        out.append("# Configure these values; at start-up COMPARE them with this endpoint and fail on a mismatch.\n");
        out.append("# Never fetch and adopt them at runtime. This file never holds credentials.\n");
        variables.forEach((name, value) -> {
            checkLine(name, value);
            out.append(name).append('=').append(value).append('\n');
        });
        return out.toString();
    }

    /** Parses {@code NAME=value} lines (comments and blank lines skipped): what a dotenv loader would read. */
    public static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a NAME=value line: " + trimmed);
            }
            vars.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return vars;
    }

    private static void checkLine(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("refusing variable name " + name);
        }
        if (value == null || (!value.isEmpty() && !isPlainValue(value))) {
            throw new IllegalStateException(name + " would hold characters that a shell or dotenv loader interprets;"
                    + " refused, never quoted");
        }
    }

    private static String require(String value, String key) {
        if (value == null) {
            throw new IllegalStateException("contract mapper setting " + key + " is invalid");
        }
        return value;
    }

    /** Comment text on one line. */
    private static String comment(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
