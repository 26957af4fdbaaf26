package io.mozaiks.identity.keycloak.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code .env} each consumer needs, with the variable names of shared/consumers.md. Pure. Values
 * come from the contract (never a secret); a value that could break out of its line or be expanded
 * by a shell or dotenv loader is refused rather than quoted, so the output is always safe to source.
 */
public final class EnvFile {

    /** The two consumers and their path segment in {@code /contract/env/{consumer}}. */
    public enum Consumer {
        CORE("core", "mozaiks-core runtime (Python, PyJWT)"),
        PLATFORM("platform", "mozaiks-platform services (.NET, Mozaiks.Auth)");

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
     * The plain character set: URL and name characters that bash ({@code set -a; .}), python-dotenv, compose
     * {@code env_file} and {@code docker run --env-file} all read literally. No whitespace, quotes, {@code #},
     * {@code $}, backslash, backtick, shell operators, {@code ~} (tilde expansion) or glob characters.
     */
    public static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+,\\[\\]-]*");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private EnvFile() {
    }

    /**
     * The variables for {@code consumer}, in a stable order.
     *
     * @param allowedClientIds {@code null} = not emitted (public variant); otherwise the platform's
     *                         {@code AUTH_ALLOWED_CLIENT_IDS} (admin variant)
     * @throws IllegalStateException when the contract cannot provide a value (broken config)
     */
    public static Map<String, String> variables(Consumer consumer, String issuer, ContractSettings settings,
                                                List<String> allowedClientIds) {
        String audience = require(ContractDocument.primaryAudience(settings), ContractSettings.AUDIENCE);
        String scope = require(settings.requiredScope(), ContractSettings.REQUIRED_SCOPE);
        Map<String, String> vars = new LinkedHashMap<>();
        switch (consumer) {
            case CORE -> {
                vars.put("MOZAIKS_OIDC_DISCOVERY_URL", ContractDocument.discoveryUrl(issuer));
                vars.put("AUTH_AUDIENCE", audience);
                vars.put("AUTH_REQUIRED_SCOPE", scope);
                vars.put("AUTH_ROLES_CLAIM", ContractV1.CLAIM_ROLES);
            }
            case PLATFORM -> {
                vars.put("AUTH_PROVIDER", "jwt");
                vars.put("AUTH_ISSUER", issuer);
                vars.put("AUTH_JWKS_URL", ContractDocument.jwksUri(issuer));
                vars.put("AUTH_AUDIENCE", audience);
                vars.put("AUTH_REQUIRED_SCOPE", scope);
                vars.put("AUTH_ROLES_CLAIM", ContractV1.CLAIM_ROLES);
                vars.put("AUTH_TENANT_CLAIM", ContractV1.CLAIM_TENANT);
                if (allowedClientIds != null) {
                    vars.put("AUTH_ALLOWED_CLIENT_IDS", String.join(",", allowedClientIds));
                }
            }
            default -> throw new IllegalArgumentException("unknown consumer " + consumer);
        }
        vars.forEach(EnvFile::checkLine);
        return Collections.unmodifiableMap(vars);
    }

    /** {@code NAME=value} lines under a comment header. */
    public static String render(Consumer consumer, String realm, String source, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        out.append("# mozaiks contract v").append(ContractV1.VERSION).append(": ").append(consumer.description())
                .append(", realm ").append(comment(realm)).append('\n');
        out.append("# Source: ").append(comment(source)).append('\n');
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

    /** Non-empty and only plain characters: safe to emit unquoted; anything else is refused, never quoted. */
    public static boolean isPlainValue(String value) {
        return value != null && !value.isEmpty() && SAFE_VALUE.matcher(value).matches();
    }

    private static void checkLine(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("refusing variable name " + name);
        }
        if (!isPlainValue(value)) {
            throw new IllegalStateException("refusing unsafe value for " + name);
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
