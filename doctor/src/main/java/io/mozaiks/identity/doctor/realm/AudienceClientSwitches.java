package io.mozaiks.identity.doctor.realm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The client attributes by which the API audience client could obtain tokens (the extension's audience-client check). */
final class AudienceClientSwitches {

    /** Attribute -> what it is called in the admin console. */
    static final Map<String, String> ATTRIBUTES = attributes();

    private AudienceClientSwitches() {
    }

    private static Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("oauth2.device.authorization.grant.enabled", "device authorization grant");
        attributes.put("oidc.ciba.grant.enabled", "CIBA");
        attributes.put("standard.token.exchange.enabled", "standard token exchange");
        return java.util.Collections.unmodifiableMap(attributes);
    }
}
