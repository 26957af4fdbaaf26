package io.mozaiks.identity.keycloak.contract;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** {@link ContractSettingsParser#parse(Map)} once per distinct mapper config (see {@link BoundedCache}). */
public final class ContractSettingsCache {

    static final int MAX_ENTRIES = 1024;

    private static final BoundedCache<Map<String, String>, ContractSettings> CACHE = new BoundedCache<>(MAX_ENTRIES);

    private ContractSettingsCache() {
    }

    /** The same result as {@link ContractSettingsParser#parse(Map)}; {@link ContractSettings} is immutable. */
    public static ContractSettings get(Map<String, String> config) {
        // A private copy as the key: the caller's map may change later (an admin edit of a live model).
        Map<String, String> key = config == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(config));
        return CACHE.get(key, ContractSettingsParser::parse);
    }

    static int size() {
        return CACHE.size();
    }

    static void clear() {
        CACHE.clear();
    }
}
