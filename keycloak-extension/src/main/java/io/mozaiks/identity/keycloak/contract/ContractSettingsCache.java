package io.mozaiks.identity.keycloak.contract;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed settings keyed by the mapper's config map (by value): the mapper runs on every token, the
 * config changes only when an admin edits it, and parsing (regex checks, splits) cost about as much as
 * computing all the claims (docs/benchmarks.md). An edited config is a new key, so it is parsed afresh;
 * the old entry is simply never asked for again. Bounded: past {@link #MAX_ENTRIES} the cache starts over.
 */
public final class ContractSettingsCache {

    static final int MAX_ENTRIES = 1024;

    private static final Map<Map<String, String>, ContractSettings> CACHE = new ConcurrentHashMap<>();

    private ContractSettingsCache() {
    }

    /** The same result as {@link ContractSettingsParser#parse(Map)}; {@link ContractSettings} is immutable. */
    public static ContractSettings get(Map<String, String> config) {
        Map<String, String> key = config == null ? Map.of() : config;
        ContractSettings cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        ContractSettings parsed = ContractSettingsParser.parse(key);
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        // A private copy as the key: the caller's map may change later (an admin edit of a live model).
        CACHE.put(Collections.unmodifiableMap(new HashMap<>(key)), parsed);
        return parsed;
    }

    static int size() {
        return CACHE.size();
    }

    static void clear() {
        CACHE.clear();
    }
}
