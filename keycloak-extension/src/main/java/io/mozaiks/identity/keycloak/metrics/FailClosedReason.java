package io.mozaiks.identity.keycloak.metrics;

import java.util.Locale;

/**
 * Why a contract token left a claim out (fail closed): the fixed values of the {@code reason} label of
 * {@value ContractMeters#FAIL_CLOSED}. A fixed enum keeps the label bounded whatever the realm holds.
 */
public enum FailClosedReason {
    /** The realm's privilege settings are invalid: no {@code roles}, no API audience on service tokens. */
    PRIVILEGE_SETTINGS,
    /** A setting of the contract mapper is invalid: the claim it feeds (aud, scope, tid, app_id) is omitted. */
    MAPPER_SETTING,
    /** A configured API audience client does not exist in the realm: it is not added to {@code aud}. */
    AUDIENCE_CLIENT_MISSING,
    /** A verified email shares its core name with another user (or the search hit its bound): no {@code email}. */
    EMAIL_NAME_COLLISION,
    /** The session's authenticators-completed note is unreadable: no {@code amr}. */
    AMR_UNREADABLE,
    /** A second contract mapper in the contract scope, which does nothing (the first one counts). */
    MAPPER_NOT_COUNTING;

    /** The label value: lower case, as Prometheus labels usually are. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
