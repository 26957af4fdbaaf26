package io.mozaiks.identity.doctor.realm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What each {@link Change} does to a {@link RealmSnapshot}, as the admin API does it to the realm: the model on which
 * the planner's idempotence is stated (the real server's is RealmDeployIT's).
 */
final class PlanSimulator {

    private PlanSimulator() {
    }

    static RealmSnapshot apply(RealmSnapshot realm, RealmPlan plan) {
        RealmSnapshot current = realm;
        int n = 0;
        for (Change change : plan.changes()) {
            current = apply(current, change, "new-" + (n++));
        }
        return current;
    }

    private static RealmSnapshot apply(RealmSnapshot r, Change change, String newId) {
        if (change instanceof Change.CreateRealmRole c) {
                Set<String> roles = new HashSet<>(r.realmRoles());
                roles.add(c.role());
                return new RealmSnapshot(r.realm(), r.attributes(), roles, r.clients(), r.scopes());
            }
        if (change instanceof Change.SetPrivilegeSettings c) {
            return withAttributes(r, c.values().attributes());
        }
        if (change instanceof Change.RecordContractVersion c) {
            return withAttributes(r, Map.of(ContractNames.VERSION_ATTRIBUTE, c.version()));
        }
        if (change instanceof Change.CreateAudienceClient c) {
                List<RealmSnapshot.Client> clients = new ArrayList<>(r.clients());
                clients.add(new RealmSnapshot.Client(newId, c.clientId(), true, false, false, RealmSnapshot.Flows.NONE, Map.of(),
                        List.of(), List.of(), List.of(), Set.of(), false));
                return new RealmSnapshot(r.realm(), r.attributes(), r.realmRoles(), clients, r.scopes());
            }
        if (change instanceof Change.FixAudienceClient c) {
            return client(r, c.id(), cl -> {
                Map<String, String> attributes = new HashMap<>(cl.attributes());
                AudienceClientSwitches.ATTRIBUTES.keySet().forEach(k -> attributes.put(k, "false"));
                return new RealmSnapshot.Client(cl.id(), cl.clientId(), cl.enabled(), cl.bearerOnly(), cl.publicClient(),
                        RealmSnapshot.Flows.NONE, attributes, cl.mappers(), cl.defaultScopes(), cl.optionalScopes(),
                        Set.of(), cl.hasClientRoles());
            });
        }
        if (change instanceof Change.CreateContractScope c) {
                List<RealmSnapshot.Scope> scopes = new ArrayList<>(r.scopes());
                scopes.add(new RealmSnapshot.Scope(newId, ContractNames.CONTRACT_SCOPE, ContractNames.PROTOCOL, Map.of(),
                        List.of(new RealmSnapshot.Mapper(newId + "-m", ContractNames.MAPPER_NAME, ContractNames.PROTOCOL,
                                ContractNames.MAPPER_PROVIDER, c.mapperConfig()))));
                return new RealmSnapshot(r.realm(), r.attributes(), r.realmRoles(), r.clients(), scopes);
            }
        if (change instanceof Change.AddContractMapper c) {
            return scope(r, c.scopeId(), m -> {
                List<RealmSnapshot.Mapper> mappers = new ArrayList<>(m);
                mappers.add(new RealmSnapshot.Mapper(newId, ContractNames.MAPPER_NAME, ContractNames.PROTOCOL,
                        ContractNames.MAPPER_PROVIDER, c.config()));
                return mappers;
            });
        }
        if (change instanceof Change.FixContractMapper c) {
            return scope(r, c.scopeId(), m -> m.stream().map(x -> x.id().equals(c.mapper().id())
                    ? new RealmSnapshot.Mapper(x.id(), x.name(), x.protocol(), x.providerId(), c.config()) : x).toList());
        }
        if (change instanceof Change.DeleteScopeMapper c) {
            return scope(r, c.scopeId(), m -> m.stream().filter(x -> !x.id().equals(c.mapper().id())).toList());
        }
        if (change instanceof Change.DeleteClientMapper c) {
            return client(r, c.id(), cl -> copy(cl, cl.mappers().stream()
                    .filter(x -> !x.id().equals(c.mapper().id())).toList(), cl.defaultScopes(), cl.optionalScopes(), cl.attributes(),
                    cl.serviceAccountRoles()));
        }
        if (change instanceof Change.DetachScope c) {
            return client(r, c.id(), cl -> copy(cl, cl.mappers(),
                    c.optional() ? cl.defaultScopes() : without(cl.defaultScopes(), c.scopeName()),
                    c.optional() ? without(cl.optionalScopes(), c.scopeName()) : cl.optionalScopes(), cl.attributes(),
                    cl.serviceAccountRoles()));
        }
        if (change instanceof Change.AddDefaultScope c) {
            return client(r, c.id(), cl -> {
                List<String> defaults = new ArrayList<>(cl.defaultScopes());
                defaults.add(ContractNames.CONTRACT_SCOPE);
                return copy(cl, cl.mappers(), defaults, without(cl.optionalScopes(), ContractNames.CONTRACT_SCOPE), cl.attributes(),
                        cl.serviceAccountRoles());
            });
        }
        if (change instanceof Change.SetClientAttribute c) {
            return client(r, c.id(), cl -> {
                Map<String, String> attributes = new HashMap<>(cl.attributes());
                attributes.put(c.name(), c.value());
                return copy(cl, cl.mappers(), cl.defaultScopes(), cl.optionalScopes(), attributes, cl.serviceAccountRoles());
            });
        }
        if (change instanceof Change.GrantServiceRole c) {
            return client(r, c.id(), cl -> {
                Set<String> roles = new HashSet<>(cl.serviceAccountRoles());
                roles.add(c.role());
                return copy(cl, cl.mappers(), cl.defaultScopes(), cl.optionalScopes(), cl.attributes(), roles);
            });
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static List<String> without(List<String> list, String item) {
        return list.stream().filter(x -> !x.equals(item)).toList();
    }

    private static RealmSnapshot.Client copy(RealmSnapshot.Client c, List<RealmSnapshot.Mapper> mappers, List<String> defaults,
                                             List<String> optionals, Map<String, String> attributes, Set<String> roles) {
        return new RealmSnapshot.Client(c.id(), c.clientId(), c.enabled(), c.bearerOnly(), c.publicClient(), c.flows(), attributes,
                mappers, defaults, optionals, roles, c.hasClientRoles());
    }

    private static RealmSnapshot withAttributes(RealmSnapshot r, Map<String, String> more) {
        Map<String, String> attributes = new HashMap<>(r.attributes());
        attributes.putAll(more);
        return new RealmSnapshot(r.realm(), attributes, r.realmRoles(), r.clients(), r.scopes());
    }

    private static RealmSnapshot client(RealmSnapshot r, String id, UnaryOperator<RealmSnapshot.Client> edit) {
        return new RealmSnapshot(r.realm(), r.attributes(), r.realmRoles(),
                r.clients().stream().map(c -> c.id().equals(id) ? edit.apply(c) : c).toList(), r.scopes());
    }

    private static RealmSnapshot scope(RealmSnapshot r, String id, UnaryOperator<List<RealmSnapshot.Mapper>> edit) {
        return new RealmSnapshot(r.realm(), r.attributes(), r.realmRoles(), r.clients(), r.scopes().stream()
                .map(s -> s.id().equals(id) ? new RealmSnapshot.Scope(s.id(), s.name(), s.protocol(), s.attributes(),
                        edit.apply(s.mappers())) : s).toList());
    }
}
