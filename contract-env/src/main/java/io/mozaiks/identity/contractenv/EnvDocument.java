package io.mozaiks.identity.contractenv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * The variables of each consumer's env document, in a stable order: the names each consumer's own code reads,
 * filled with the contract's values. The provider's endpoint and the tests' expectations both build their
 * documents here, so there is one list of what a document sets. Every line is checked with
 * {@link DotEnv#requirePlain}: a value a loader would interpret is refused, never quoted.
 */
public final class EnvDocument {

    /** The algorithm the plugin-host document allows: the realm's RS256 keys. */
    public static final String ALGORITHM = "RS256";

    /**
     * What a document is filled with.
     *
     * @param issuer           the public issuer, always (the {@code iss} of every token)
     * @param discoveryUrl     the discovery URL on the address the consumer uses
     * @param jwksUrl          the JWKS URL on the address the consumer uses
     * @param audience         the ONE audience every consumer is configured with
     * @param requiredScope    the user scope
     * @param rolesClaim       the contract's roles claim name
     * @param tenantClaim      the contract's tenant claim name
     * @param allowedClientIds {@code null} = not emitted; otherwise the platform's {@code AUTH_ALLOWED_CLIENT_IDS}
     */
    public record Values(String issuer, String discoveryUrl, String jwksUrl, String audience, String requiredScope,
                         String rolesClaim, String tenantClaim, List<String> allowedClientIds) {
    }

    private EnvDocument() {
    }

    /** @throws IllegalStateException when a name or value would not be read back unchanged by every loader */
    public static Map<String, String> variables(ConsumerId consumer, Values values) {
        Map<String, String> vars = new LinkedHashMap<>();
        switch (consumer) {
            case CORE -> {
                // Core's token client finds its token endpoint ONLY through discovery: without this URL it
                // would post its client secret to a hosted default tenant.
                vars.put(MOZAIKS_OIDC_DISCOVERY_URL, values.discoveryUrl());
                vars.put(AUTH_ENABLED, "true"); // anything but true/1/yes/on turns core's auth off
                vars.put(AUTH_AUDIENCE, values.audience());
                vars.put(AUTH_REQUIRED_SCOPE, values.requiredScope());
                vars.put(AUTH_ROLES_CLAIM, values.rolesClaim());
                // Validated by core's director at import (MOZAIKS_AUTH_MODE=external); it does not start without them.
                vars.put(MOZAIKS_ISSUER, values.issuer());
                vars.put(MOZAIKS_JWKS_URL, values.jwksUrl());
                vars.put(MOZAIKS_AUDIENCE, values.audience());
            }
            case PLATFORM -> {
                vars.put(AUTH_PROVIDER, "jwt");
                vars.put(AUTH_ISSUER, values.issuer());
                vars.put(AUTH_JWKS_URL, values.jwksUrl());
                vars.put(AUTH_AUDIENCE, values.audience());
                vars.put(AUTH_REQUIRED_SCOPE, values.requiredScope());
                vars.put(AUTH_ROLES_CLAIM, values.rolesClaim());
                vars.put(AUTH_TENANT_CLAIM, values.tenantClaim());
                if (values.allowedClientIds() != null) {
                    vars.put(AUTH_ALLOWED_CLIENT_IDS, String.join(",", values.allowedClientIds()));
                }
            }
            case PLUGIN_HOST -> {
                // plugin-host reads none of the AUTH_* names; SKIP_AUTH=false is spelled out so nobody flips it by omission.
                vars.put(JWT_ISSUER, values.issuer());
                vars.put(JWT_AUDIENCE, values.audience());
                vars.put(JWKS_URL, values.jwksUrl());
                vars.put(JWT_ALGORITHMS, ALGORITHM);
                vars.put(SKIP_AUTH, "false");
            }
            default -> throw new IllegalArgumentException("unknown consumer " + consumer);
        }
        vars.forEach(DotEnv::requirePlain);
        return Collections.unmodifiableMap(vars);
    }
}
