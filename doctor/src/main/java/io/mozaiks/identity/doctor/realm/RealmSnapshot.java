package io.mozaiks.identity.doctor.realm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner needs to know of a realm, read through the admin API ({@link SnapshotReader}) or written by
 * hand in tests. Immutable; lists keep the admin API's order.
 *
 * @param attributes realm attributes (the privilege settings and {@link ContractNames#VERSION_ATTRIBUTE} live here)
 * @param realmRoles names of the realm roles
 */
public record RealmSnapshot(String realm, Map<String, String> attributes, Set<String> realmRoles,
                            List<Client> clients, List<Scope> scopes) {

    public RealmSnapshot {
        attributes = Map.copyOf(attributes);
        realmRoles = Set.copyOf(realmRoles);
        clients = List.copyOf(clients);
        scopes = List.copyOf(scopes);
    }

    /** One protocol mapper; {@code id} is the admin API's (null only for one the planner is about to create). */
    public record Mapper(String id, String name, String protocol, String providerId, Map<String, String> config) {
        public Mapper {
            config = config == null ? Map.of() : Map.copyOf(config);
        }
    }

    /** A client scope with its mappers and attributes. */
    public record Scope(String id, String name, String protocol, Map<String, String> attributes, List<Mapper> mappers) {
        public Scope {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            mappers = List.copyOf(mappers);
        }
    }

    /**
     * A client with what the plan looks at.
     *
     * @param serviceAccountRoles the effective realm roles of its service account (composites included); empty without one
     * @param hasClientRoles      whether it defines client roles (for the API audience client: Keycloak's audience
     *                            resolve turns them into {@code aud})
     */
    public record Client(String id, String clientId, boolean enabled, boolean bearerOnly, boolean publicClient,
                         Flows flows, Map<String, String> attributes, List<Mapper> mappers, List<String> defaultScopes,
                         List<String> optionalScopes, Set<String> serviceAccountRoles, boolean hasClientRoles) {
        public Client {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            mappers = List.copyOf(mappers);
            defaultScopes = List.copyOf(defaultScopes);
            optionalScopes = List.copyOf(optionalScopes);
            serviceAccountRoles = Set.copyOf(serviceAccountRoles);
        }

        public boolean serviceAccount() {
            return flows.serviceAccount();
        }
    }

    /** The switches by which a client obtains tokens. */
    public record Flows(boolean standard, boolean implicit, boolean directGrants, boolean serviceAccount) {
        public static final Flows NONE = new Flows(false, false, false, false);
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public Optional<Scope> scope(String name) {
        return scopes.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
