package io.mozaiks.identity.doctor.realm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The changes that make an existing realm carry the contract for the clients an operator names: pure, from a
 * {@link RealmSnapshot} to a {@link RealmPlan}. A realm that already conforms plans nothing; a request the realm
 * cannot satisfy, or hostile input, is refused ({@link PlanRefused}) before anything is planned.
 *
 * <p>Only what the contract needs is touched: the contract scope and its one mapper, the API audience client, the
 * named clients' mappers and scope assignments, their {@code app_id} attribute, the named service accounts' role,
 * and the realm's privilege settings and contract version. A shared client scope whose mappers write claims only the
 * contract decides is taken off the named clients, never edited: other clients keep it.
 */
public final class RealmPlanner {

    /** Client ids as the admin console accepts them, without control characters (they reach the output). */
    private static final int MAX_ID = 255;
    /** An app id is copied into tokens and compared by consumers as a string: a plain value only. */
    static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
    private static final int MAX_LISTED = 20;

    private RealmPlanner() {
    }

    public static RealmPlan plan(RealmSnapshot realm, DeployRequest request) {
        validate(request);
        String recorded = realm.attribute(ContractNames.VERSION_ATTRIBUTE);
        checkVersion(realm.realm(), recorded);
        List<String> named = request.namedClients();
        for (String clientId : named) {
            realm.client(clientId).orElseThrow(() -> new PlanRefused("client " + Printable.of(clientId)
                    + " does not exist in realm " + realm.realm() + " (client ids are case-sensitive)"));
        }
        for (String clientId : request.serviceAccounts()) {
            if (!realm.client(clientId).orElseThrow().serviceAccount()) {
                throw new PlanRefused("client " + clientId + " has no service account; switch \"Service accounts roles\" on"
                        + " first (the doctor does not change how a client authenticates), or name it with --client only");
            }
        }

        Optional<RealmSnapshot.Scope> scope = realm.scope(ContractNames.CONTRACT_SCOPE);
        List<RealmSnapshot.Mapper> contractMappers = scope.map(s -> s.mappers().stream()
                .filter(m -> ContractNames.MAPPER_PROVIDER.equals(m.providerId()))
                .sorted(Comparator.comparing(RealmSnapshot.Mapper::id)).toList()).orElse(List.of());
        Optional<RealmSnapshot.Mapper> counting = contractMappers.stream().findFirst();
        Map<String, String> config = mapperConfig(counting.map(RealmSnapshot.Mapper::config).orElse(Map.of()));
        List<String> audiences = Arrays.stream(config.get(ContractNames.AUDIENCE_KEY).split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList();
        for (String clientId : named) {
            if (audiences.contains(clientId)) {
                throw new PlanRefused("client " + clientId + " is the API audience: no token may be issued to it, so it"
                        + " cannot be a contract client; name the clients that sign people in or call the API");
            }
        }

        List<Change> changes = new ArrayList<>();
        List<String> notices = new ArrayList<>();

        // 1. privilege settings (and the realm roles they and the service accounts need)
        PrivilegeValues privileges = privileges(realm, request);
        Set<String> rolesToCreate = new LinkedHashSet<>();
        for (String source : privileges.roleAliases().keySet()) {
            if (!realm.realmRoles().contains(source)) {
                if (!source.equals("platform_admin")) {
                    throw new PlanRefused("role alias source " + Printable.of(source) + " is not a realm role of "
                            + realm.realm() + "; create it first or correct --role-alias");
                }
                rolesToCreate.add(source);
            }
        }
        String serviceRole = serviceRole(privileges.serviceOnlyRoles());
        if (!request.serviceAccounts().isEmpty() && !realm.realmRoles().contains(serviceRole)) {
            rolesToCreate.add(serviceRole);
        }
        for (String role : rolesToCreate) {
            changes.add(new Change.CreateRealmRole(role, role.equals(serviceRole)
                    ? "the service-only role of the named service accounts" : "source of the role alias " + role + ":"
                    + privileges.roleAliases().get(role)));
        }
        for (String clientId : privileges.internalServiceClients()) {
            if (realm.client(clientId).isEmpty()) {
                throw new PlanRefused("internal service client " + Printable.of(clientId) + " does not exist in realm "
                        + realm.realm() + "; correct --internal-service-client");
            }
        }
        if (!privileges.storedIn(realm.attributes())) {
            Map<String, String> before = new LinkedHashMap<>();
            privileges.attributes().keySet().forEach(k -> {
                if (realm.attribute(k) != null) {
                    before.put(k, realm.attribute(k));
                }
            });
            changes.add(new Change.SetPrivilegeSettings(privileges, before));
        }

        // 2. the API audience client(s)
        for (String audience : audiences) {
            Optional<RealmSnapshot.Client> api = realm.client(audience);
            if (api.isEmpty()) {
                changes.add(new Change.CreateAudienceClient(audience));
                continue;
            }
            List<String> on = switchedOn(api.get());
            if (!on.isEmpty()) {
                changes.add(new Change.FixAudienceClient(api.get().id(), audience, on));
            }
            if (api.get().hasClientRoles()) {
                notices.add("client " + audience + " has client roles: Keycloak's audience resolve adds " + audience
                        + " to tokens of every client whose user holds one, outside the contract (conformance check"
                        + " api-audience-outside-contract). Move them to realm roles or another client; the doctor does not delete roles.");
            }
        }

        // 3. the contract scope and its one mapper
        if (scope.isEmpty()) {
            changes.add(new Change.CreateContractScope(config));
        } else {
            String scopeId = scope.get().id();
            if (counting.isEmpty()) {
                changes.add(new Change.AddContractMapper(scopeId, config));
            } else if (!counting.get().config().equals(config)) {
                changes.add(new Change.FixContractMapper(scopeId, counting.get(), config));
            }
            contractMappers.stream().skip(1).forEach(m -> changes.add(new Change.DeleteScopeMapper(scopeId,
                    ContractNames.CONTRACT_SCOPE, m, "a second contract mapper; only the first counts")));
            for (RealmSnapshot.Mapper m : scope.get().mappers()) {
                ClaimWriters.writtenClaim(m, audiences).ifPresent(claim -> changes.add(new Change.DeleteScopeMapper(scopeId,
                        ContractNames.CONTRACT_SCOPE, m, "writes " + claim + ", which only the contract decides")));
            }
        }
        for (RealmSnapshot.Scope other : realm.scopes()) {
            if (!other.name().equals(ContractNames.CONTRACT_SCOPE)) {
                other.mappers().stream().filter(m -> ContractNames.MAPPER_PROVIDER.equals(m.providerId()))
                        .forEach(m -> changes.add(new Change.DeleteScopeMapper(other.id(), other.name(), m,
                                "a contract mapper outside client scope " + ContractNames.CONTRACT_SCOPE + " does nothing")));
            }
        }

        // 4. each named client
        for (String clientId : named) {
            RealmSnapshot.Client client = realm.client(clientId).orElseThrow();
            planClient(realm, client, audiences, config, request, changes);
        }
        for (String clientId : request.serviceAccounts()) {
            RealmSnapshot.Client client = realm.client(clientId).orElseThrow();
            if (client.serviceAccountRoles().stream().noneMatch(r -> isServiceOnly(r, privileges.serviceOnlyRoles()))) {
                changes.add(new Change.GrantServiceRole(client.id(), clientId, serviceRole));
            }
        }

        // 5. the contract version the realm now carries
        if (!ContractNames.VERSION.equals(recorded)) {
            changes.add(new Change.RecordContractVersion(ContractNames.VERSION, recorded));
        }

        notices.addAll(otherClientNotices(realm, request, audiences));
        return new RealmPlan(realm.realm(), changes, untouched(realm, named, audiences), notices);
    }

    private static void planClient(RealmSnapshot realm, RealmSnapshot.Client client, List<String> audiences,
                                   Map<String, String> config, DeployRequest request, List<Change> changes) {
        for (RealmSnapshot.Mapper m : client.mappers()) {
            if (ContractNames.MAPPER_PROVIDER.equals(m.providerId())) {
                changes.add(new Change.DeleteClientMapper(client.id(), client.clientId(), m, "a contract mapper on a client"
                        + " does nothing; the one in client scope " + ContractNames.CONTRACT_SCOPE + " counts"));
                continue;
            }
            ClaimWriters.writtenClaim(m, audiences).ifPresent(claim -> changes.add(new Change.DeleteClientMapper(client.id(),
                    client.clientId(), m, "writes " + claim + ", which only the contract decides")));
        }
        detachWriters(realm, client, client.defaultScopes(), false, audiences, changes);
        detachWriters(realm, client, client.optionalScopes(), true, audiences, changes);
        if (!client.defaultScopes().contains(ContractNames.CONTRACT_SCOPE)) {
            changes.add(new Change.AddDefaultScope(client.id(), client.clientId(),
                    client.optionalScopes().contains(ContractNames.CONTRACT_SCOPE)));
        }
        if (request.appId() != null) {
            String attribute = config.get(ContractNames.APP_ID_ATTRIBUTE_KEY);
            String before = client.attributes().get(attribute);
            if (!request.appId().equals(before)) {
                changes.add(new Change.SetClientAttribute(client.id(), client.clientId(), attribute, request.appId(), before));
            }
        }
    }

    private static void detachWriters(RealmSnapshot realm, RealmSnapshot.Client client, List<String> scopeNames,
                                      boolean optional, List<String> audiences, List<Change> changes) {
        for (String name : scopeNames) {
            if (name.equals(ContractNames.CONTRACT_SCOPE)) {
                continue;
            }
            realm.scope(name).ifPresent(scope -> {
                List<String> writers = new ArrayList<>();
                for (RealmSnapshot.Mapper m : scope.mappers()) {
                    if (!ClaimWriters.keptStock(scope.name(), m)) {
                        ClaimWriters.writtenClaim(m, audiences).ifPresent(claim ->
                                writers.add("\"" + Printable.of(m.name()) + "\" (" + m.providerId() + ", writes " + claim + ")"));
                    }
                }
                if (!writers.isEmpty()) {
                    changes.add(new Change.DetachScope(client.id(), client.clientId(), scope.id(), scope.name(), optional, writers));
                }
            });
        }
    }

    /** The contract mapper's config: its keys, the realm's values kept where it has them, defaults otherwise. */
    static Map<String, String> mapperConfig(Map<String, String> existing) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(ContractNames.AUDIENCE_KEY, nonBlank(existing.get(ContractNames.AUDIENCE_KEY), ContractNames.DEFAULT_AUDIENCE));
        config.put(ContractNames.REQUIRED_SCOPE_KEY, nonBlank(existing.get(ContractNames.REQUIRED_SCOPE_KEY),
                ContractNames.DEFAULT_REQUIRED_SCOPE));
        // Keycloak does not store an empty config value, so an empty tenant (= the realm name) is no key at all.
        String tenant = existing.get(ContractNames.TENANT_KEY);
        if (tenant != null && !tenant.isEmpty()) {
            config.put(ContractNames.TENANT_KEY, tenant);
        }
        config.put(ContractNames.APP_ID_ATTRIBUTE_KEY, nonBlank(existing.get(ContractNames.APP_ID_ATTRIBUTE_KEY),
                ContractNames.DEFAULT_APP_ID_ATTRIBUTE));
        return config;
    }

    /** The privilege settings to store: the request's, else the realm's, else the contract's defaults. */
    static PrivilegeValues privileges(RealmSnapshot realm, DeployRequest request) {
        Map<String, String> attrs = realm.attributes();
        boolean coreAdmin = request.coreAdminAlias() != null ? request.coreAdminAlias()
                : "true".equals(attrs.get(ContractNames.CORE_ADMIN_ALIAS));
        List<String> serviceOnly = request.serviceOnlyRoles() != null ? List.copyOf(new LinkedHashSet<>(request.serviceOnlyRoles()))
                : PrivilegeValues.parseNames(attrs.getOrDefault(ContractNames.SERVICE_ONLY_ROLES,
                ContractNames.DEFAULT_SERVICE_ONLY_ROLES), ContractNames.SERVICE_ONLY_ROLES, "--service-only-role");
        if (serviceOnly.stream().noneMatch(r -> ContractNames.CORE_INTERNAL_ROLES.contains(r))) {
            throw new PlanRefused("the service-only roles must include internal_service or service (mozaiks-core treats"
                    + " both as internal); got " + Printable.of(String.join(",", serviceOnly)));
        }
        Map<String, String> aliases = request.roleAliases() != null ? new LinkedHashMap<>(request.roleAliases())
                : attrs.containsKey(ContractNames.ROLE_ALIASES) ? PrivilegeValues.parseAliases(attrs.get(ContractNames.ROLE_ALIASES))
                : PrivilegeValues.parseAliases(ContractNames.DEFAULT_ROLE_ALIASES);
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            String why = PrivilegeValues.forbiddenTarget(alias.getValue(), serviceOnly, coreAdmin);
            if (why != null) {
                throw new PlanRefused("role alias " + Printable.of(alias.getKey()) + "=" + Printable.of(alias.getValue())
                        + ": the target " + why);
            }
        }
        List<String> internal;
        if (request.internalServiceClients() != null) {
            internal = List.copyOf(new LinkedHashSet<>(request.internalServiceClients()));
        } else if (attrs.containsKey(ContractNames.INTERNAL_SERVICE_CLIENTS)) {
            List<String> listed = PrivilegeValues.parseNames(attrs.get(ContractNames.INTERNAL_SERVICE_CLIENTS),
                    ContractNames.INTERNAL_SERVICE_CLIENTS, "--internal-service-client");
            // An empty list means "any client whose service account holds a service-only role": it stays so.
            LinkedHashSet<String> merged = new LinkedHashSet<>(listed);
            if (!listed.isEmpty()) {
                merged.addAll(request.serviceAccounts());
            }
            internal = List.copyOf(merged);
        } else {
            internal = request.serviceAccounts();
        }
        return new PrivilegeValues(aliases, serviceOnly, internal, coreAdmin);
    }

    /** The role granted to named service accounts: core's own internal role name from the service-only list. */
    static String serviceRole(List<String> serviceOnlyRoles) {
        return ContractNames.CORE_INTERNAL_ROLES.stream().filter(serviceOnlyRoles::contains).findFirst().orElseThrow();
    }

    private static boolean isServiceOnly(String role, List<String> serviceOnlyRoles) {
        return ContractNames.CORE_INTERNAL_ROLES.contains(role.toLowerCase(java.util.Locale.ROOT))
                || serviceOnlyRoles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }

    private static List<String> switchedOn(RealmSnapshot.Client api) {
        List<String> on = new ArrayList<>();
        if (api.flows().standard()) on.add("standard flow");
        if (api.flows().implicit()) on.add("implicit flow");
        if (api.flows().directGrants()) on.add("direct access grants");
        if (api.flows().serviceAccount()) on.add("service account");
        for (Map.Entry<String, String> attribute : AudienceClientSwitches.ATTRIBUTES.entrySet()) {
            if ("true".equals(api.attributes().get(attribute.getKey()))) {
                on.add(attribute.getValue());
            }
        }
        return on;
    }

    /** What conformance may report about clients the operator did not name; the plan leaves them alone. */
    private static List<String> otherClientNotices(RealmSnapshot realm, DeployRequest request, List<String> audiences) {
        List<String> notices = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>(request.namedClients());
        for (RealmSnapshot.Client client : realm.clients()) {
            if (named.contains(client.clientId()) && realm.scope("basic").isPresent() && !client.defaultScopes().contains("basic")) {
                notices.add("client " + client.clientId() + " lacks Keycloak's Default client scope basic (sub, auth_time; added"
                        + " by Keycloak 25): its tokens carry no sub and every consumer rejects them. Add basic as Default.");
            }
            if (named.contains(client.clientId()) || audiences.contains(client.clientId())) {
                if (request.clients().contains(client.clientId()) && client.serviceAccount()
                        && !request.serviceAccounts().contains(client.clientId())) {
                    notices.add("client " + client.clientId() + " has a service account that is not named with --service-account:"
                            + " its client-credentials tokens will be rejected by every consumer (conformance check"
                            + " service-account-internal). Name it with --service-account, or switch its service account off.");
                }
                continue;
            }
            boolean contractClient = client.defaultScopes().contains(ContractNames.CONTRACT_SCOPE)
                    || client.optionalScopes().contains(ContractNames.CONTRACT_SCOPE);
            if (client.mappers().stream().anyMatch(m -> ContractNames.MAPPER_PROVIDER.equals(m.providerId()))) {
                notices.add("client " + client.clientId() + " (not named) has a contract mapper of its own, which does nothing"
                        + " (conformance check single-contract-mapper); delete it, or name the client with --client.");
            }
            if (contractClient) {
                notices.add("client " + client.clientId() + " (not named) already has client scope " + ContractNames.CONTRACT_SCOPE
                        + "; conformance judges it as a contract client: name it with --client to have its mappers planned too.");
            } else if (client.mappers().stream().anyMatch(m -> "oidc-audience-mapper".equals(m.providerId())
                    && ClaimWriters.writtenClaim(m, audiences).isPresent())) {
                notices.add("client " + client.clientId() + " (not named) adds the API audience with an Audience mapper but has"
                        + " no contract scope (conformance check api-audience-outside-contract): name it with --client or delete that mapper.");
            }
        }
        return notices;
    }

    private static List<String> untouched(RealmSnapshot realm, List<String> named, List<String> audiences) {
        List<String> others = realm.clients().stream().map(RealmSnapshot.Client::clientId)
                .filter(id -> !named.contains(id) && !audiences.contains(id)).sorted().toList();
        String otherList = others.isEmpty() ? "(none)" : String.join(", ", others.subList(0, Math.min(MAX_LISTED, others.size())))
                + (others.size() > MAX_LISTED ? ", ... and " + (others.size() - MAX_LISTED) + " more" : "");
        List<String> untouched = new ArrayList<>();
        untouched.add("users: their accounts, credentials, sessions, groups and role mappings (only the named service accounts get a role)");
        untouched.add("secrets: no client secret, key or credential is read, shown or changed; no client's authentication changes");
        untouched.add("other clients: " + otherList);
        untouched.add("client scopes other than " + ContractNames.CONTRACT_SCOPE + ": a scope is only taken off the named clients,"
                + " never edited (except that a contract mapper outside " + ContractNames.CONTRACT_SCOPE + " is deleted)");
        untouched.add("the client scope acr and its mapper: the contract keeps acr, and removes a value claiming mfa it cannot back");
        untouched.add("realm settings other than the attributes above: login, registration, themes, tokens, sessions, keys");
        return untouched;
    }

    private static void validate(DeployRequest request) {
        if (request.namedClients().isEmpty()) {
            throw new PlanRefused("name at least one client: --client (people sign in through it) or --service-account");
        }
        for (String id : request.namedClients()) {
            validId(id, "client id");
        }
        if (request.internalServiceClients() != null) {
            request.internalServiceClients().forEach(id -> name(id, "--internal-service-client"));
        }
        if (request.serviceOnlyRoles() != null) {
            request.serviceOnlyRoles().forEach(role -> name(role, "--service-only-role"));
        }
        if (request.roleAliases() != null) {
            request.roleAliases().forEach((role, alias) -> {
                name(role, "--role-alias");
                name(alias, "--role-alias");
            });
        }
        if (request.appId() != null && !APP_ID.matcher(request.appId()).matches()) {
            throw new PlanRefused("--app-id \"" + Printable.of(request.appId()) + "\" is not a plain value (1 to 128 of A-Z a-z"
                    + " 0-9 _ . : -): consumers compare it as a string, and it is copied into every token");
        }
    }

    private static void validId(String id, String what) {
        if (id == null || id.isBlank() || id.length() > MAX_ID || !id.equals(Printable.of(id)) || !id.equals(id.strip())) {
            throw new PlanRefused(what + " \"" + Printable.of(id) + "\" is not a client id (printable, no surrounding blanks, at most "
                    + MAX_ID + " characters)");
        }
    }

    private static void name(String value, String option) {
        if (value == null || !PrivilegeValues.NAME.matcher(value).matches()) {
            throw new PlanRefused(option + ": \"" + Printable.of(value) + "\" is not a valid name (letters, digits, _ . -)");
        }
    }

    /** Refuses a realm that a newer doctor brought to a newer contract, and a version value that is not one. */
    static void checkVersion(String realm, String recorded) {
        if (recorded == null) {
            return;
        }
        var found = VERSION.matcher(recorded.strip());
        if (!found.matches()) {
            throw new PlanRefused("realm " + realm + " has " + ContractNames.VERSION_ATTRIBUTE + "=\"" + Printable.of(recorded)
                    + "\", which is not a contract version; correct or remove that realm attribute first");
        }
        var ours = VERSION.matcher(ContractNames.VERSION);
        ours.matches();
        int[] theirs = {Integer.parseInt(found.group(1)), Integer.parseInt(found.group(2))};
        int[] mine = {Integer.parseInt(ours.group(1)), Integer.parseInt(ours.group(2))};
        if (theirs[0] > mine[0] || (theirs[0] == mine[0] && theirs[1] > mine[1])) {
            throw new PlanRefused("realm " + realm + " carries contract " + recorded.strip() + " (realm attribute "
                    + ContractNames.VERSION_ATTRIBUTE + "), newer than this mozaiks-doctor's " + ContractNames.VERSION
                    + ": use the newer doctor; this one would undo what it changed");
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
