package io.mozaiks.identity.consumers;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A token's claims as {@code Mozaiks.Auth} sees them (JwtBearer with {@code MapInboundClaims=false}): one claim per
 * payload member, in the payload's JSON order, a JSON array becoming one claim per element, every value a string
 * (an object as its JSON text, {@code null} as ""). Looked up by name with {@link OrdinalIgnoreCase}, as
 * {@code UserContextAccessor.GetClaimValue} (the FIRST match) and {@code GetStringValues} (EVERY match) do.
 * <p>
 * The JSON order is kept: nimbus {@code JWTClaimsSet.parse} reads the payload into an insertion-ordered map and its
 * builder keeps that order in a {@code LinkedHashMap}, so {@link JWTClaimsSet#getClaims()} iterates in payload order
 * (asserted in {@code DotnetClaimsTest}).
 */
final class DotnetClaims {

    record Claim(String type, String value) {
    }

    private final List<Claim> claims;

    private DotnetClaims(List<Claim> claims) {
        this.claims = claims;
    }

    static DotnetClaims of(JWTClaimsSet set) {
        List<Claim> out = new ArrayList<>();
        for (Map.Entry<String, Object> member : set.getClaims().entrySet()) {
            if (member.getValue() instanceof List<?> array) {
                array.forEach(element -> out.add(new Claim(member.getKey(), text(element))));
            } else {
                out.add(new Claim(member.getKey(), text(member.getValue())));
            }
        }
        return new DotnetClaims(Collections.unmodifiableList(out));
    }

    /** {@code GetClaimValue}: the value of the first claim whose name matches ignoring case, else null. */
    String first(String name) {
        for (Claim claim : claims) {
            if (OrdinalIgnoreCase.equals(claim.type(), name)) {
                return claim.value();
            }
        }
        return null;
    }

    /** The values of EVERY claim whose name matches ignoring case, in token order. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Claim claim : claims) {
            if (OrdinalIgnoreCase.equals(claim.type(), name)) {
                out.add(claim.value());
            }
        }
        return out;
    }

    /** {@code GetStringValues}: every matching value that is not blank, first occurrence of each ignoring case. */
    List<String> stringValues(String name) {
        List<String> out = new ArrayList<>();
        for (String value : all(name)) {
            if (!isNullOrWhiteSpace(value) && out.stream().noneMatch(kept -> OrdinalIgnoreCase.equals(kept, value))) {
                out.add(value);
            }
        }
        return out;
    }

    List<Claim> claims() {
        return claims;
    }

    /** {@code string.IsNullOrWhiteSpace}. */
    static boolean isNullOrWhiteSpace(String value) {
        return value == null || trim(value).isEmpty();
    }

    /** {@code string.Trim()}: .NET's white space includes the no-break spaces that Java's {@code strip()} keeps. */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** {@code value.Split(' ', RemoveEmptyEntries | TrimEntries)}. */
    static List<String> splitOnSpace(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(" ", -1)) {
            String trimmed = trim(part);
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    private static boolean isWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            // exp, nbf, iat: nimbus hands them out as dates; the token holds NumericDate seconds.
            return String.valueOf(date.getTime() / 1000);
        }
        if (value instanceof Map<?, ?> object) {
            @SuppressWarnings("unchecked")
            Map<String, ?> json = (Map<String, ?>) object;
            return JSONObjectUtils.toJSONString(json);
        }
        return String.valueOf(value);
    }
}
