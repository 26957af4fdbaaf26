package io.mozaiks.identity.keycloak.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link PrivilegeSettingsParser#parse} once per distinct set of raw values (see {@link BoundedCache}):
 * the key holds only the realm attributes and legacy mapper keys the result depends on.
 */
public final class PrivilegeSettingsCache {

    /** The four raw realm attributes and which legacy mapper keys are set: hashing it hashes four cached String hashes. */
    private record Key(String aliases, String serviceOnly, String internal, String coreAdmin, boolean legacyAliases,
                       boolean legacyServiceOnly) {

        Map<String, String> attributes() {
            Map<String, String> attributes = new HashMap<>();
            put(attributes, PrivilegeSettings.ROLE_ALIASES, aliases);
            put(attributes, PrivilegeSettings.SERVICE_ONLY_ROLES, serviceOnly);
            put(attributes, PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, internal);
            put(attributes, PrivilegeSettings.CORE_ADMIN_ALIAS, coreAdmin);
            return attributes;
        }

        Map<String, String> legacyMapperConfig() {
            Map<String, String> config = new HashMap<>();
            if (legacyAliases) {
                config.put(PrivilegeSettings.ROLE_ALIASES, "");
            }
            if (legacyServiceOnly) {
                config.put(PrivilegeSettings.SERVICE_ONLY_ROLES, "");
            }
            return config;
        }

        private static void put(Map<String, String> map, String name, String value) {
            if (value != null) {
                map.put(name, value);
            }
        }
    }

    private static final BoundedCache<Key, PrivilegeSettings> CACHE = new BoundedCache<>(1024);

    private PrivilegeSettingsCache() {
    }

    public static PrivilegeSettings get(Map<String, String> realmAttributes, Map<String, String> mapperConfig) {
        return getByAttribute(name -> realmAttributes == null ? null : realmAttributes.get(name), mapperConfig);
    }

    /**
     * @param realmAttribute one realm attribute by name (e.g. {@code realm::getAttribute}: no copy of all attributes
     *                       per token); runs per token, so it builds no map, only the key
     */
    public static PrivilegeSettings getByAttribute(Function<String, String> realmAttribute, Map<String, String> mapperConfig) {
        Key key = new Key(realmAttribute.apply(PrivilegeSettings.ROLE_ALIASES),
                realmAttribute.apply(PrivilegeSettings.SERVICE_ONLY_ROLES),
                realmAttribute.apply(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS),
                realmAttribute.apply(PrivilegeSettings.CORE_ADMIN_ALIAS),
                mapperConfig != null && mapperConfig.get(PrivilegeSettings.ROLE_ALIASES) != null,
                mapperConfig != null && mapperConfig.get(PrivilegeSettings.SERVICE_ONLY_ROLES) != null);
        return CACHE.get(key, k -> PrivilegeSettingsParser.parse(k.attributes(), k.legacyMapperConfig()));
    }
}
