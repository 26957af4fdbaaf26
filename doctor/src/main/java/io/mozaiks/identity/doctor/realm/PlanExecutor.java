package io.mozaiks.identity.doctor.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.consumers.http.Http;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Performs a {@link RealmPlan} through the admin API, step by step and exactly as described, printing each step
 * when done. Before the first step it checks, where the admin token shows them, that the account holds every
 * realm-management role the plan needs, so a missing {@code manage-realm} changes nothing. A step that fails stops
 * the run with what was done and what failed.
 */
public final class PlanExecutor {

    private final AdminConnection admin;
    private final PrintWriter out;

    /** Why the run stopped; {@link #changed()} tells whether earlier steps had changed the realm. */
    public static final class Stopped extends RuntimeException {
        private final int done;

        Stopped(String message, int done) {
            super(message);
            this.done = done;
        }

        public int changed() {
            return done;
        }
    }

    public PlanExecutor(AdminConnection admin, PrintWriter out) {
        this.admin = admin;
        this.out = out;
    }

    /** Refuses before any change when the token shows that a role the plan needs is missing. */
    public void checkRoles(RealmPlan plan) {
        Set<String> held = admin.managementRoles();
        if (held == null || held.contains("admin")) {
            return;
        }
        Set<String> missing = new TreeSet<>();
        plan.changes().forEach(c -> {
            if (!held.contains(c.neededRole())) {
                missing.add(c.neededRole());
            }
        });
        if (!missing.isEmpty()) {
            throw new Stopped("refused: the admin account lacks the realm-management role(s) " + String.join(", ", missing)
                    + " of realm " + admin.realm() + ", which this plan needs (" + neededFor(plan, missing) + "). Nothing was changed."
                    + " Grant them (or realm-admin) to the account, or ask a realm admin to run it.", 0);
        }
    }

    private static String neededFor(RealmPlan plan, Set<String> missing) {
        Map<String, String> first = new LinkedHashMap<>();
        plan.changes().stream().filter(c -> missing.contains(c.neededRole()))
                .forEach(c -> first.putIfAbsent(c.neededRole(), c.neededRole() + " for: " + c.describe()));
        return String.join("; ", first.values());
    }

    public void apply(RealmPlan plan) {
        int done = 0;
        for (Change change : plan.changes()) {
            try {
                perform(change);
            } catch (AdminConnection.CallFailed failed) {
                String why = failed.status() == 403
                        ? "the admin API refused it (HTTP 403): the account lacks the realm-management role " + change.neededRole()
                        : failed.getMessage();
                throw new Stopped("step " + (done + 1) + " failed: " + change.describe() + "\n  " + why + "\n  "
                        + (done == 0 ? "Nothing was changed." : done + " earlier step(s) were made; run `realm plan` to see what is left."),
                        done);
            }
            done++;
            out.printf("  done %2d. %s%n", done, change.describe());
            out.flush();
        }
    }

    private void perform(Change change) {
        if (change instanceof Change.CreateRealmRole c) {
            admin.send("POST", "/roles", Map.of("name", c.role(), "description",
                    "mozaiks contract: " + c.why()), 201);
        } else if (change instanceof Change.SetPrivilegeSettings c) {
            setRealmAttributes(c.values().attributes());
        } else if (change instanceof Change.RecordContractVersion c) {
            setRealmAttributes(Map.of(ContractNames.VERSION_ATTRIBUTE, c.version()));
        } else if (change instanceof Change.CreateAudienceClient c) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", c.clientId());
            client.put("enabled", true);
            client.put("protocol", ContractNames.PROTOCOL);
            client.put("publicClient", false);
            client.put("standardFlowEnabled", false);
            client.put("implicitFlowEnabled", false);
            client.put("directAccessGrantsEnabled", false);
            client.put("serviceAccountsEnabled", false);
            Map<String, String> attributes = new LinkedHashMap<>();
            AudienceClientSwitches.ATTRIBUTES.keySet().forEach(k -> attributes.put(k, "false"));
            client.put("attributes", attributes);
            admin.send("POST", "/clients", client, 201);
        } else if (change instanceof Change.FixAudienceClient c) {
            ObjectNode client = (ObjectNode) admin.get("/clients/" + c.id());
            client.put("standardFlowEnabled", false).put("implicitFlowEnabled", false).put("directAccessGrantsEnabled", false)
                    .put("serviceAccountsEnabled", false);
            ObjectNode attributes = client.with("attributes");
            AudienceClientSwitches.ATTRIBUTES.keySet().forEach(k -> attributes.put(k, "false"));
            admin.send("PUT", "/clients/" + c.id(), client, 204);
        } else if (change instanceof Change.CreateContractScope c) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("name", ContractNames.CONTRACT_SCOPE);
            scope.put("protocol", ContractNames.PROTOCOL);
            scope.put("attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "true",
                    "consent.screen.text", "Use the mozaiks APIs as you, with your mozaiks roles"));
            admin.send("POST", "/client-scopes", scope, 201);
            admin.send("POST", "/client-scopes/" + scopeId() + "/protocol-mappers/models", mapper(null, c.mapperConfig()), 201);
        } else if (change instanceof Change.AddContractMapper c) {
            admin.send("POST", "/client-scopes/" + c.scopeId() + "/protocol-mappers/models", mapper(null, c.config()), 201);
        } else if (change instanceof Change.FixContractMapper c) {
            Map<String, Object> mapper = mapper(c.mapper().id(), c.config());
            mapper.put("name", c.mapper().name());
            admin.send("PUT", "/client-scopes/" + c.scopeId() + "/protocol-mappers/models/" + c.mapper().id(), mapper, 204);
        } else if (change instanceof Change.DeleteScopeMapper c) {
            admin.send("DELETE", "/client-scopes/" + c.scopeId() + "/protocol-mappers/models/" + c.mapper().id(), null, 204);
        } else if (change instanceof Change.DeleteClientMapper c) {
            admin.send("DELETE", "/clients/" + c.id() + "/protocol-mappers/models/" + c.mapper().id(), null, 204);
        } else if (change instanceof Change.DetachScope c) {
            admin.send("DELETE", "/clients/" + c.id() + (c.optional() ? "/optional-client-scopes/" : "/default-client-scopes/")
                    + c.scopeId(), null, 204);
        } else if (change instanceof Change.AddDefaultScope c) {
            String scopeId = scopeId();
            if (c.wasOptional()) {
                admin.send("DELETE", "/clients/" + c.id() + "/optional-client-scopes/" + scopeId, null, 204);
            }
            admin.send("PUT", "/clients/" + c.id() + "/default-client-scopes/" + scopeId, null, 204);
        } else if (change instanceof Change.SetClientAttribute c) {
            ObjectNode client = (ObjectNode) admin.get("/clients/" + c.id());
            client.with("attributes").put(c.name(), c.value());
            admin.send("PUT", "/clients/" + c.id(), client, 204);
        } else if (change instanceof Change.GrantServiceRole c) {
            String userId = admin.get("/clients/" + c.id() + "/service-account-user").path("id").asText();
            JsonNode role = admin.get("/roles/" + Http.enc(c.role()));
            admin.send("POST", "/users/" + userId + "/role-mappings/realm", List.of(role), 204);
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
    }

    /**
     * Realm attributes through the admin API's realm update, merged into the realm's current attributes (sent whole,
     * so no Keycloak version can read a partial map as "remove the others").
     */
    private void setRealmAttributes(Map<String, String> values) {
        JsonNode current = admin.get("").path("attributes");
        Map<String, Object> attributes = new LinkedHashMap<>();
        current.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue()));
        attributes.putAll(values);
        admin.send("PUT", "", Map.of("attributes", attributes), 204);
    }

    private String scopeId() {
        for (JsonNode scope : admin.get("/client-scopes")) {
            if (ContractNames.CONTRACT_SCOPE.equals(scope.path("name").asText())) {
                return scope.path("id").asText();
            }
        }
        throw new AdminConnection.CallFailed("client scope " + ContractNames.CONTRACT_SCOPE + " is missing", 404);
    }

    private static Map<String, Object> mapper(String id, Map<String, String> config) {
        Map<String, Object> mapper = new LinkedHashMap<>();
        if (id != null) {
            mapper.put("id", id);
        }
        mapper.put("name", ContractNames.MAPPER_NAME);
        mapper.put("protocol", ContractNames.PROTOCOL);
        mapper.put("protocolMapper", ContractNames.MAPPER_PROVIDER);
        mapper.put("config", config);
        return mapper;
    }
}
