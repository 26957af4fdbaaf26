package io.mozaiks.identity.doctor.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Core's billing client, checked in the env alone: {@code MOZAIKS_BILLING_PROVIDER=platform} makes core post its
 * internal service token to {@code MOZAIKS_PLATFORM_URL}, whose default is a HOSTED URL on the internet
 * (docs/consumer-findings.md). Auto-detection picks the platform only when URL, client id and secret are all set, so
 * a secret without the URL is not yet a leak, but one explicit provider setting away from it.
 */
public final class CoreBillingCheck {

    public static final String BILLING_PROVIDER = "MOZAIKS_BILLING_PROVIDER";
    public static final String PLATFORM_URL = "MOZAIKS_PLATFORM_URL";
    public static final String PLATFORM_CLIENT_SECRET = "MOZAIKS_PLATFORM_CLIENT_SECRET";
    /** A finding that fails the check (exit 1). */
    public static final String UNSAFE = "UNSAFE";
    /** A finding printed with its fix that does not change the exit code. */
    public static final String WARN = "WARN";

    private CoreBillingCheck() {
    }

    public static List<EnvComparison.Difference> check(Map<String, String> env) {
        List<EnvComparison.Difference> out = new ArrayList<>();
        if (!blank(env.get(PLATFORM_URL))) {
            return out;
        }
        String provider = env.get(BILLING_PROVIDER);
        // Compared without case or surrounding blanks: reporting a spelling core might not take costs nothing.
        if (provider != null && "platform".equals(provider.strip().toLowerCase(Locale.ROOT))) {
            out.add(new EnvComparison.Difference(UNSAFE, BILLING_PROVIDER, provider, null,
                    "set " + PLATFORM_URL + " to your own platform's URL (or remove " + BILLING_PROVIDER + "=platform):"
                            + " without it core posts its internal service token to the hosted default URL on the internet"));
        }
        if (!blank(env.get(PLATFORM_CLIENT_SECRET))) {
            // The value is never echoed.
            out.add(new EnvComparison.Difference(WARN, PLATFORM_CLIENT_SECRET, null, null,
                    "set " + PLATFORM_URL + " beside the platform client secret: with " + BILLING_PROVIDER + "=platform"
                            + " core would send its service token to the hosted default URL"));
        }
        return out;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
