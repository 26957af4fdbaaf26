package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.keycloak.contract.PlatformClientIds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The realm's clients sorted the way the contract sees them: contract clients, internal service clients,
 * the ids mozaiks-platform may allow, and the ids it cannot tell apart. The ONE place for these rules: the
 * conformance report and the admin env documents both ask it. Pure, over {@link ClientFacts}.
 */
public final class ContractClients {

    /** The platform's {@code AUTH_ALLOWED_CLIENT_IDS} as emitted, and why ids were left out (never echoing an unsafe id). */
    public record PlatformAllowList(List<String> clientIds, List<String> warnings) {
    }

    private final List<ClientFacts> all;
    private final PrivilegeFacts privileges;
    private Map<String, String> platformUnsafe;

    /** @param all every client of the realm, disabled ones included */
    public ContractClients(List<ClientFacts> all, PrivilegeFacts privileges) {
        this.all = List.copyOf(all);
        this.privileges = privileges;
    }

    /**
     * Clients the contract concerns, by client id: those that carry the contract scope (Default or Optional),
     * and those whose service account holds a service-only role (they are contract service clients by role).
     */
    public List<ClientFacts> contractClients() {
        return all.stream().filter(c -> c.scopeAssignment() != null || c.serviceOnlyRoleHolder())
                .sorted(Comparator.comparing(ClientFacts::clientId)).toList();
    }

    /** Clients whose client-credentials tokens get the API audience; none while the privilege settings are invalid. */
    public List<String> internalServiceClientIds() {
        if (!privileges.valid()) {
            return List.of();
        }
        return all.stream().filter(ClientFacts::enabled)
                .filter(c -> privileges.settings().mayBeInternal(c.clientId()) && c.serviceOnlyRoleHolder())
                .map(ClientFacts::clientId).sorted().toList();
    }

    /**
     * The platform's {@code AUTH_ALLOWED_CLIENT_IDS} before any id is left out: contract clients through which
     * people sign in, plus the internal service clients. A contract client that only has a (non-internal)
     * service account is left out. Sorted.
     */
    public List<String> allowedClientIds() {
        TreeSet<String> ids = new TreeSet<>(internalServiceClientIds());
        all.stream().filter(ClientFacts::enabled).filter(c -> c.contractDefault() && c.issuesUserTokens())
                .forEach(c -> ids.add(c.clientId()));
        return List.copyOf(ids);
    }

    /** Client ids mozaiks-platform cannot tell apart (case, commas), each with the reason; over all clients of the realm. */
    public Map<String, String> platformUnsafe() {
        if (platformUnsafe == null) {
            platformUnsafe = PlatformClientIds.unsafe(all.stream().map(ClientFacts::clientId).toList());
        }
        return platformUnsafe;
    }

    /**
     * {@link #allowedClientIds()} without the ids the platform cannot tell apart (.NET compares the list ignoring
     * case and splits it on commas: such an id would admit another client) and without values a shell or dotenv
     * loader interprets.
     */
    public PlatformAllowList platformAllowList() {
        List<String> allowed = allowedClientIds();
        Map<String, String> unsafe = platformUnsafe();
        List<String> warnings = new ArrayList<>();
        List<String> colliding = allowed.stream().filter(unsafe::containsKey).toList();
        if (!colliding.isEmpty()) {
            warnings.add(colliding.size() + " client id(s) that mozaiks-platform cannot tell apart from another"
                    + " client id (same ignoring case, or a comma) were left out of AUTH_ALLOWED_CLIENT_IDS: "
                    + colliding.stream().filter(EnvFile::isPlainValue).collect(Collectors.joining(", "))
                    + " (conformance check " + ClientClaimChecks.CLIENT_ID_COLLISION + "); rename those clients");
        }
        List<String> distinct = allowed.stream().filter(id -> !unsafe.containsKey(id)).toList();
        List<String> plain = distinct.stream().filter(EnvFile::isPlainValue).toList();
        int refused = distinct.size() - plain.size();
        if (refused > 0) {
            warnings.add(refused + " client id(s) with characters a shell or dotenv loader interprets were left out of"
                    + " AUTH_ALLOWED_CLIENT_IDS (see the conformance report's client list); rename those clients");
        }
        return new PlatformAllowList(plain, List.copyOf(warnings));
    }
}
