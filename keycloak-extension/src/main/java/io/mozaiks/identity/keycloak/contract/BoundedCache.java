package io.mozaiks.identity.keycloak.contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed settings keyed by exactly the raw values they came from: the mapper runs on every token, the
 * values change only when an admin edits them, and parsing cost about as much as computing all the
 * claims (docs/benchmarks.md). An edited value is a new key, parsed afresh; the old entry is never asked
 * for again. Bounded: past {@code maxEntries} the cache starts over. Values must be immutable.
 */
final class BoundedCache<K, V> {

    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** @param key an immutable key (callers copy mutable maps first) */
    V get(K key, Function<K, V> parse) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        V parsed = parse.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, parsed);
        return parsed;
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
