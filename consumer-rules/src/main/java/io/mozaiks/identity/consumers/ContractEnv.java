package io.mozaiks.identity.consumers;

import io.mozaiks.identity.contractenv.ConsumerId;
import io.mozaiks.identity.contractenv.EnvDocument;
import io.mozaiks.identity.contractenv.WellKnown;

import java.util.Map;

/**
 * The exact consumer settings the contract promises will work unchanged (docs/consumer-findings.md,
 * docs/configuration.md): each consumer's env document for an issuer with the contract's default settings, built
 * by contract-env's {@link EnvDocument} as the provider's endpoint builds it (whose literal lines EnvFileTest and
 * EnvDocumentTest pin).
 */
public final class ContractEnv {

    public static final String AUDIENCE = "mozaiks-api";
    public static final String REQUIRED_SCOPE = "access_as_user";
    /** The contract's roles and tenant claim names (docs/contracts/). */
    public static final String ROLES_CLAIM = "roles";
    public static final String TENANT_CLAIM = "tid";

    private ContractEnv() {
    }

    /** The document of {@code consumer} on the public address of {@code issuer}. */
    public static Map<String, String> document(ConsumerId consumer, String issuer) {
        return EnvDocument.variables(consumer, new EnvDocument.Values(issuer, discoveryUrl(issuer), jwksUrl(issuer),
                AUDIENCE, REQUIRED_SCOPE, ROLES_CLAIM, TENANT_CLAIM, null));
    }

    /** The runtime's variables plus the director's (which refuses to start without them) and AUTH_ENABLED. */
    public static Map<String, String> core(String issuer) {
        return document(ConsumerId.CORE, issuer);
    }

    public static Map<String, String> platform(String issuer) {
        return document(ConsumerId.PLATFORM, issuer);
    }

    /** plugin-host reads none of the AUTH_* names; SKIP_AUTH=false is spelled out so nobody flips it by omission. */
    public static Map<String, String> pluginHost(String issuer) {
        return document(ConsumerId.PLUGIN_HOST, issuer);
    }

    public static String discoveryUrl(String issuer) {
        return WellKnown.discoveryUrl(issuer);
    }

    public static String jwksUrl(String issuer) {
        return WellKnown.jwksUrl(issuer);
    }
}
