package io.mozaiks.identity.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's user and its roles, shared by the realm set-up and the JMH benchmark, so the
 * micro-benchmark computes claims for exactly the role set the server resolves.
 *
 * <p>50 realm roles {@code bench-role-01..50} reach the user three ways: 20 directly (16..20 are
 * composites that bring 21..30), and 20 through three groups (31..50). {@code platform_admin} is
 * assigned directly so the contract's alias runs too.
 */
public final class BenchData {

    public static final String REALM = "mozaiks-bench";
    public static final String USER = "bench-user";
    public static final String PASSWORD = "bench-user";
    public static final String API = "mozaiks-api";
    public static final String CONTRACT_SCOPE = "access_as_user";
    public static final String BUILTIN_SCOPE = "bench-builtin-chain";
    public static final String ROLES_SCOPE = "bench-roles-only";
    public static final String RESOLVE_SCOPE = "bench-resolve-only";
    /** Keycloak's own default scope that every new realm has (realm_access, resource_access, audience resolve). */
    public static final String STOCK_ROLES_SCOPE = "roles";

    public static final int ROLE_COUNT = 50;
    public static final String ALIASED_ROLE = "platform_admin";

    /** Composite role -> its two child roles (16 -> 21, 22; 17 -> 23, 24; ... 20 -> 29, 30). */
    public static final Map<String, List<String>> COMPOSITES;
    /** Group -> its realm roles (31..37, 38..44, 45..50). */
    public static final Map<String, List<String>> GROUPS;
    /** Roles mapped to the user directly: 01..20 (16..20 are the composites) and platform_admin. */
    public static final List<String> DIRECT_ROLES;

    static {
        Map<String, List<String>> composites = new LinkedHashMap<>();
        for (int i = 16; i <= 20; i++) {
            int child = 21 + 2 * (i - 16);
            composites.put(role(i), List.of(role(child), role(child + 1)));
        }
        COMPOSITES = Collections.unmodifiableMap(composites);

        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("bench-group-a", roles(31, 37));
        groups.put("bench-group-b", roles(38, 44));
        groups.put("bench-group-c", roles(45, 50));
        GROUPS = Collections.unmodifiableMap(groups);

        List<String> direct = new ArrayList<>(roles(1, 20));
        direct.add(ALIASED_ROLE);
        DIRECT_ROLES = List.copyOf(direct);
    }

    private BenchData() {
    }

    public static String role(int i) {
        return String.format("bench-role-%02d", i);
    }

    public static List<String> roles(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            names.add(role(i));
        }
        return names;
    }

    public static String defaultRole() {
        return "default-roles-" + REALM;
    }

    /**
     * The realm roles Keycloak resolves for the user's client session: the 50 bench roles,
     * platform_admin, and the default role with its composites. Shuffled (fixed seed), as Keycloak
     * hands them over in no particular order.
     */
    public static List<String> resolvedRealmRoles() {
        List<String> resolved = new ArrayList<>(roles(1, ROLE_COUNT));
        resolved.add(ALIASED_ROLE);
        resolved.add(defaultRole());
        resolved.add("offline_access");
        resolved.add("uma_authorization");
        Collections.shuffle(resolved, new Random(7));
        return List.copyOf(resolved);
    }

    /**
     * The realm's privilege settings (contract 1.1: realm attributes, no longer mapper config), as the
     * contract defaults: the alias still runs for platform_admin.
     */
    public static Map<String, String> realmAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("mozaiks.role.aliases", "platform_admin:Admin");
        attributes.put("mozaiks.service.only.roles", "internal_service,service");
        return attributes;
    }

    /** The contract mapper's config, as in the dev realm (docker/realm/mozaiks-realm.json). */
    public static Map<String, String> contractMapperConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mozaiks.audience", API);
        config.put("mozaiks.required.scope", CONTRACT_SCOPE);
        config.put("mozaiks.tenant", "");
        config.put("mozaiks.app.id.client.attribute", "mozaiks.app_id");
        config.put("access.token.claim", "true");
        config.put("lightweight.claim", "true");
        config.put("introspection.token.claim", "true");
        return config;
    }
}
