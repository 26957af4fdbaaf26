package io.mozaiks.identity.doctor.realm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link RealmSnapshot} through the admin API: the realm's attributes and roles, its client scopes and
 * clients with their mappers, the realm roles of the named service accounts, and whether the API audience client
 * has client roles. Reads no user but those service accounts, and no secret.
 */
public final class SnapshotReader {

    private static final int PAGE = 100;
    /** A realm with more clients than this is beyond what one plan should change blind. */
    private static final int MAX_CLIENTS = 5000;

    private SnapshotReader() {
    }

    public static RealmSnapshot read(AdminConnection admin, List<String> serviceAccounts) {
        JsonNode realmRep = admin.get("");
        Map<String, String> attributes = strings(realmRep.path("attributes"));

        Set<String> roles = new LinkedHashSet<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode page = admin.get("/roles?briefRepresentation=true&first=" + first + "&max=" + PAGE);
            page.forEach(r -> roles.add(r.path("name").asText()));
            if (page.size() < PAGE) {
                break;
            }
        }

        List<RealmSnapshot.Scope> scopes = new ArrayList<>();
        for (JsonNode s : admin.get("/client-scopes")) {
            scopes.add(new RealmSnapshot.Scope(s.path("id").asText(), s.path("name").asText(), s.path("protocol").asText(null),
                    strings(s.path("attributes")), mappers(s.path("protocolMappers"))));
        }

        List<String> audiences = audiences(scopes);
        List<RealmSnapshot.Client> clients = new ArrayList<>();
        for (int first = 0; first < MAX_CLIENTS; first += PAGE) {
            JsonNode page = admin.get("/clients?first=" + first + "&max=" + PAGE);
            for (JsonNode c : page) {
                clients.add(client(admin, c, serviceAccounts, audiences));
            }
            if (page.size() < PAGE) {
                break;
            }
            if (first + PAGE >= MAX_CLIENTS) {
                throw new PlanRefused("realm " + admin.realm() + " has more than " + MAX_CLIENTS + " clients; plan it by hand");
            }
        }
        return new RealmSnapshot(admin.realm(), attributes, roles, clients, scopes);
    }

    private static RealmSnapshot.Client client(AdminConnection admin, JsonNode c, List<String> serviceAccounts, List<String> audiences) {
        String id = c.path("id").asText();
        String clientId = c.path("clientId").asText();
        boolean serviceAccount = c.path("serviceAccountsEnabled").asBoolean(false);
        Set<String> saRoles = new LinkedHashSet<>();
        if (serviceAccount && serviceAccounts.contains(clientId)) {
            String userId = admin.get("/clients/" + id + "/service-account-user").path("id").asText();
            admin.get("/users/" + userId + "/role-mappings/realm/composite").forEach(r -> saRoles.add(r.path("name").asText()));
        }
        boolean hasClientRoles = audiences.contains(clientId) && !admin.get("/clients/" + id + "/roles?first=0&max=1").isEmpty();
        return new RealmSnapshot.Client(id, clientId, c.path("enabled").asBoolean(true), c.path("bearerOnly").asBoolean(false),
                c.path("publicClient").asBoolean(false),
                new RealmSnapshot.Flows(c.path("standardFlowEnabled").asBoolean(false), c.path("implicitFlowEnabled").asBoolean(false),
                        c.path("directAccessGrantsEnabled").asBoolean(false), serviceAccount),
                strings(c.path("attributes")), mappers(c.path("protocolMappers")), names(c.path("defaultClientScopes")),
                names(c.path("optionalClientScopes")), saRoles, hasClientRoles);
    }

    /** The API audience(s) the contract mapper names (the planner's rule), to know which client's roles to look at. */
    private static List<String> audiences(List<RealmSnapshot.Scope> scopes) {
        Map<String, String> existing = scopes.stream().filter(s -> s.name().equals(ContractNames.CONTRACT_SCOPE)).findFirst()
                .flatMap(s -> s.mappers().stream().filter(m -> ContractNames.MAPPER_PROVIDER.equals(m.providerId()))
                        .min(java.util.Comparator.comparing(RealmSnapshot.Mapper::id)))
                .map(RealmSnapshot.Mapper::config).orElse(Map.of());
        return Arrays.stream(RealmPlanner.mapperConfig(existing).get(ContractNames.AUDIENCE_KEY).split(","))
                .map(String::strip).toList();
    }

    private static List<RealmSnapshot.Mapper> mappers(JsonNode list) {
        List<RealmSnapshot.Mapper> mappers = new ArrayList<>();
        list.forEach(m -> mappers.add(new RealmSnapshot.Mapper(m.path("id").asText(), m.path("name").asText(),
                m.path("protocol").asText(null), m.path("protocolMapper").asText(null), strings(m.path("config")))));
        return mappers;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** A JSON object of strings; Keycloak writes some attribute values as arrays (the first is the value). */
    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                if (!v.isEmpty()) {
                    map.put(e.getKey(), v.get(0).asText());
                }
            } else if (!v.isNull()) {
                map.put(e.getKey(), v.asText());
            }
        });
        return map;
    }
}
