package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Collection;
import java.util.Map;

/**
 * Python's truthiness for decoded JSON claim values: the Python consumers write {@code a or b} and
 * {@code if claims.get(x)}, so an empty string, 0, false, [] and {} count as absent and the string
 * {@code "false"} counts as TRUE.
 */
final class PythonTruth {

    private PythonTruth() {
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** {@code claims.get(a) or claims.get(b) or ...}: the first truthy value, else null. */
    static Object firstTruthy(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            Object value = claims.getClaim(name);
            if (truthy(value)) {
                return value;
            }
        }
        return null;
    }
}
