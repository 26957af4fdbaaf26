package io.mozaiks.identity.keycloak.tokensize;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The size of a compact JWS access token ({@code base64url(header).base64url(payload).base64url(signature)}) of a
 * contract client, estimated from what varies between tokens: the roles, the audiences, the scopes. Pure; the
 * realm's facts come from conformance's readers.
 *
 * <p>Contract tokens carry realm roles once, in {@code roles} ({@code realm_access} and {@code resource_access}
 * are stripped), so a role costs its JSON string ({@code "name",}) times 4/3. What does not vary much (times,
 * ids, issuer, the user's names and email) is {@link #FIXED_CLAIMS_BYTES}, chosen generously: the estimate is
 * meant to be an upper bound, so a budget warning comes before the proxy's 431, not after.
 */
public final class TokenSizeEstimator {

    /** {@code {"alg":"RS256","typ":"JWT","kid":"<43 characters>"}} and a little room. */
    public static final int HEADER_JSON_BYTES = 100;
    /**
     * exp, iat, auth_time, jti, iss (up to 120 characters), sub, typ, sid, acr, amr, email_verified, name,
     * given/family name, preferred_username, email (up to 100 characters), app_id: JSON with separators.
     */
    public static final int FIXED_CLAIMS_BYTES = 900;
    /** RS256/PS256 with Keycloak's default 2048-bit key; the reader passes the real key's size when it knows it. */
    public static final int DEFAULT_SIGNATURE_BYTES = 256;

    /**
     * What varies per client and user.
     *
     * @param clientId  {@code azp}, also in {@code aud}
     * @param audiences the API audiences
     * @param scopes    the scope names ({@code scope} as a string and {@code scp} as an array)
     * @param tenant    {@code tid}
     * @param roles     the flat {@code roles} claim as the contract computes it (aliases included)
     */
    public record Shape(String clientId, List<String> audiences, List<String> scopes, String tenant, List<String> roles) {
    }

    private TokenSizeEstimator() {
    }

    /**
     * The signature's bytes for a JWS algorithm: RSA as long as the key's modulus ({@code rsaKeyBits}, 0 = unknown:
     * {@link #DEFAULT_SIGNATURE_BYTES}), ECDSA two coordinates, EdDSA 64, HMAC the hash.
     */
    public static int signatureBytes(String algorithm, int rsaKeyBits) {
        String alg = algorithm == null ? "RS256" : algorithm;
        if (alg.startsWith("RS") || alg.startsWith("PS")) {
            return rsaKeyBits > 0 ? (rsaKeyBits + 7) / 8 : DEFAULT_SIGNATURE_BYTES;
        }
        return switch (alg) {
            case "ES256", "EdDSA", "HS512" -> 64;
            case "ES384" -> 96;
            case "ES512" -> 132;
            case "HS256" -> 32;
            case "HS384" -> 48;
            default -> DEFAULT_SIGNATURE_BYTES;
        };
    }

    /** Bytes of the whole compact token. */
    public static int accessTokenBytes(Shape shape, int signatureBytes) {
        return jwsBytes(HEADER_JSON_BYTES, payloadBytes(shape), signatureBytes);
    }

    /** {@code base64url(header) + "." + base64url(payload) + "." + base64url(signature)}. */
    public static int jwsBytes(int headerJsonBytes, int payloadJsonBytes, int signatureBytes) {
        return base64UrlLength(headerJsonBytes) + 1 + base64UrlLength(payloadJsonBytes) + 1 + base64UrlLength(signatureBytes);
    }

    /** Unpadded base64url, as JWS uses it. */
    public static int base64UrlLength(int bytes) {
        return (bytes * 4 + 2) / 3;
    }

    /** The payload's JSON bytes. */
    public static int payloadBytes(Shape shape) {
        List<String> aud = new java.util.ArrayList<>(shape.audiences());
        aud.add(shape.clientId());
        return FIXED_CLAIMS_BYTES
                + stringClaim("azp", shape.clientId())
                + arrayClaim("aud", aud)
                + stringClaim("scope", String.join(" ", shape.scopes()))
                + arrayClaim("scp", shape.scopes())
                + stringClaim("tid", shape.tenant())
                + arrayClaim("roles", shape.roles());
    }

    /** {@code "name":"value",} */
    static int stringClaim(String name, String value) {
        return jsonString(name) + 1 + jsonString(value == null ? "" : value) + 1;
    }

    /** {@code "name":["a","b"],} */
    static int arrayClaim(String name, List<String> values) {
        int bytes = jsonString(name) + 1 + 2 + 1;
        for (String value : values) {
            bytes += jsonString(value) + 1;
        }
        return values.isEmpty() ? bytes : bytes - 1;
    }

    /** A JSON string's bytes: quotes, UTF-8, and the escapes JSON needs. */
    static int jsonString(String value) {
        int bytes = 2 + value.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 1;
            } else if (c < 0x20) {
                bytes += 5; // \\u00XX
            }
        }
        return bytes;
    }
}
