package io.mozaiks.identity.keycloak.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link PrivilegeSettingsParser#parse} once per distinct set of raw values (see {@link BoundedCache}):
 * the key holds only the realm attributes and legacy mapper keys the result depends on.
 */
public final class PrivilegeSettingsCache {

    private record Key(Map<String, String> attributes, List<String> legacyMapperKeys) {
    }

    private static final BoundedCache<Key, PrivilegeSettings> CACHE = new BoundedCache<>(1024);

    private PrivilegeSettingsCache() {
    }

    public static PrivilegeSettings get(Map<String, String> realmAttributes, Map<String, String> mapperConfig) {
        return getByAttribute(name -> realmAttributes == null ? null : realmAttributes.get(name), mapperConfig);
    }

    /** @param realmAttribute one realm attribute by name (e.g. {@code realm::getAttribute}: no copy of all attributes per token) */
    public static PrivilegeSettings getByAttribute(Function<String, String> realmAttribute, Map<String, String> mapperConfig) {
        Map<String, String> attributes = new HashMap<>();
        for (String name : PrivilegeSettings.ATTRIBUTES) {
            String value = realmAttribute.apply(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        List<String> legacy = new ArrayList<>();
        for (String name : PrivilegeSettings.LEGACY_MAPPER_KEYS) {
            if (mapperConfig != null && mapperConfig.get(name) != null) {
                legacy.add(name);
            }
        }
        Key key = new Key(Collections.unmodifiableMap(attributes), List.copyOf(legacy));
        return CACHE.get(key, k -> PrivilegeSettingsParser.parse(k.attributes(),
                k.legacyMapperKeys().stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> ""))));
    }
}
