package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.contractenv.ConsumerId;
import io.mozaiks.identity.contractenv.DotEnv;
import io.mozaiks.identity.contractenv.EnvDocument;

import java.util.List;
import java.util.Map;

/**
 * The {@code .env} each consumer needs, filled from the contract settings (never a secret). Pure. Which
 * variables a document sets, and how it is rendered and parsed, belong to contract-env ({@link EnvDocument},
 * {@link DotEnv}); this class adds what only the provider knows: the settings and the header.
 */
public final class EnvFile {

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
        return DotEnv.isPlainValue(value);
    }

    /**
     * The variables for {@code consumer}, in a stable order.
     *
     * @param allowedClientIds {@code null} = not emitted (public variant); otherwise the platform's
     *                         {@code AUTH_ALLOWED_CLIENT_IDS} (admin variant), already reduced to plain values
     * @throws IllegalStateException naming the setting when the contract cannot provide a plain value
     */
    public static Map<String, String> variables(ConsumerId consumer, Endpoints endpoints, ContractSettings settings,
                                                List<String> allowedClientIds) {
        String audience = require(ContractDocument.primaryAudience(settings), ContractSettings.AUDIENCE);
        String scope = require(settings.requiredScope(), ContractSettings.REQUIRED_SCOPE);
        return EnvDocument.variables(consumer, new EnvDocument.Values(endpoints.issuer(), endpoints.discoveryUrl(),
                endpoints.jwksUri(), audience, scope, Contract.CLAIM_ROLES, Contract.CLAIM_TENANT, allowedClientIds));
    }

    /** {@code NAME=value} lines under a comment header. */
    public static String render(ConsumerId consumer, String realm, String source, Map<String, String> variables) {
        return render(consumer, realm, source, variables, List.of());
    }

    /** @param warnings operator notes, rendered as comment lines (never a refused value itself) */
    public static String render(ConsumerId consumer, String realm, String source, Map<String, String> variables,
                                List<String> warnings) {
        StringBuilder out = new StringBuilder();
        out.append(DotEnv.comment("mozaiks contract v" + Contract.VERSION + ": " + consumer.description() + ", realm " + realm));
        out.append(DotEnv.comment("Source: " + source));
        warnings.forEach(w -> out.append(DotEnv.comment("WARNING: " + w)));
        out.append("# Configure these values; at start-up COMPARE them with this endpoint and fail on a mismatch.\n");
        out.append("# Never fetch and adopt them at runtime. This file never holds credentials.\n");
        if (consumer == ConsumerId.CORE) {
            // core's billing client posts its internal service token to MOZAIKS_PLATFORM_URL, whose default is hosted.
            out.append("# If you give core the platform client's id and credentials, also set MOZAIKS_PLATFORM_URL\n");
            out.append("# to YOUR platform: its default is a hosted URL on the internet.\n");
        }
        out.append(DotEnv.render(variables));
        return out.toString();
    }

    /** Parses {@code NAME=value} lines (comments and blank lines skipped): what a dotenv loader would read. */
    public static Map<String, String> parse(String text) {
        return DotEnv.parse(text);
    }

    private static String require(String value, String key) {
        if (value == null) {
            throw new IllegalStateException("contract mapper setting " + key + " is invalid");
        }
        return value;
    }
}
