package io.mozaiks.identity.keycloak.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.keycloak.conformance.PrivilegeFacts;
import io.mozaiks.identity.keycloak.conformance.RealmFacts;
import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.keycloak.tokensize.TokenBudget;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET|PUT <issuer>/mozaiks/contract/settings}: the realm's privilege settings as JSON. The only
 * door that validates them before they are stored (Keycloak has no hook for realm attributes); the
 * caller has checked {@code manage-realm} (PUT) or {@code view-realm} (GET).
 *
 * <p>The settings: role aliases, service-only roles, internal service clients, the core admin alias flag, and the
 * token-size budget of conformance (warn and fail bytes). A PUT replaces all of them (an absent field takes its default), then removes contract 1.0's
 * privilege keys from the contract scope's mapper: the realm admin has taken them over. A successful PUT is a
 * Keycloak admin event ({@link SettingsAdminEvent}); a refused one changes nothing and sends none.
 */
final class PrivilegeSettingsEndpoint {

    static final String ROLE_ALIASES = "role_aliases";
    static final String SERVICE_ONLY_ROLES = "service_only_roles";
    static final String INTERNAL_SERVICE_CLIENTS = "internal_service_clients";
    static final String CORE_ADMIN_ALIAS = "core_admin_alias";
    static final String TOKEN_SIZE_WARN = "token_size_warn_bytes";
    static final String TOKEN_SIZE_FAIL = "token_size_fail_bytes";
    private static final Set<String> FIELDS = Set.of(ROLE_ALIASES, SERVICE_ONLY_ROLES, INTERNAL_SERVICE_CLIENTS, CORE_ADMIN_ALIAS,
            TOKEN_SIZE_WARN, TOKEN_SIZE_FAIL);
    /** Every realm attribute a PUT writes. */
    static final List<String> ATTRIBUTES = List.of(PrivilegeSettings.ROLE_ALIASES, PrivilegeSettings.SERVICE_ONLY_ROLES,
            PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, PrivilegeSettings.CORE_ADMIN_ALIAS, TokenBudget.WARN_ATTRIBUTE,
            TokenBudget.FAIL_ATTRIBUTE);
    static final int MAX_BODY = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(PrivilegeSettingsEndpoint.class);

    private PrivilegeSettingsEndpoint() {
    }

    static Response get(RealmModel realm, Map<String, String> contractMapperConfig) {
        PrivilegeFacts privileges = RealmFacts.privileges(realm, contractMapperConfig);
        return ResponsePolicy.json(200, describe(realm, privileges.settings(), privileges.problems()));
    }

    /** The body is read here, after the caller is known to be a realm admin, and never past the size limit. */
    static Response put(RealmModel realm, InputStream body, String actor, SettingsAdminEvent event) {
        Map<String, String> attributes;
        try {
            attributes = attributes(read(body));
        } catch (IllegalArgumentException bad) {
            return invalid(List.of(bad.getMessage()));
        }
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(attributes, Map.of());
        List<Problem> problems = new ArrayList<>(settings.problems());
        problems.addAll(RealmFacts.missingReferences(realm, settings));
        if (!problems.isEmpty()) {
            return invalid(problems.stream().map(Object::toString).toList());
        }
        Map<String, String> before = SettingsAdminEvent.stored(realm);
        attributes.forEach(realm::setAttribute);
        removeLegacyMapperKeys(realm);
        event.changed(before, attributes);
        LOG.infof("mozaiks contract: privilege settings of realm %s changed by user %s: %s", realm.getName(), actor, attributes);
        return ResponsePolicy.json(200, describe(realm, settings, List.of()));
    }

    private static String read(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** The request body as realm attribute values; every name checked before it is joined into a list. */
    static Map<String, String> attributes(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (body.length() > MAX_BODY) { // the caller reads at most MAX_BODY + 1 bytes
            throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " characters");
        }
        JsonNode json;
        try {
            json = JsonSerialization.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + ContractSettingsParser.printable(name)
                        + "\"; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PrivilegeSettings.ROLE_ALIASES, aliases(json.get(ROLE_ALIASES)));
        attributes.put(PrivilegeSettings.SERVICE_ONLY_ROLES, names(json.get(SERVICE_ONLY_ROLES), SERVICE_ONLY_ROLES,
                Contract.DEFAULT_SERVICE_ONLY_ROLES));
        attributes.put(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, names(json.get(INTERNAL_SERVICE_CLIENTS),
                INTERNAL_SERVICE_CLIENTS, ""));
        JsonNode flag = json.get(CORE_ADMIN_ALIAS);
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new IllegalArgumentException(CORE_ADMIN_ALIAS + " must be true or false");
        }
        attributes.put(PrivilegeSettings.CORE_ADMIN_ALIAS, String.valueOf(flag != null && flag.asBoolean()));
        int warn = bytes(json.get(TOKEN_SIZE_WARN), TOKEN_SIZE_WARN, TokenBudget.DEFAULT_WARN);
        int fail = bytes(json.get(TOKEN_SIZE_FAIL), TOKEN_SIZE_FAIL, TokenBudget.DEFAULT_FAIL);
        if (warn > fail) {
            throw new IllegalArgumentException(TOKEN_SIZE_WARN + " (" + warn + ") must not be above " + TOKEN_SIZE_FAIL + " (" + fail + ")");
        }
        attributes.put(TokenBudget.WARN_ATTRIBUTE, String.valueOf(warn));
        attributes.put(TokenBudget.FAIL_ATTRIBUTE, String.valueOf(fail));
        return attributes;
    }

    private static int bytes(JsonNode node, String field, int fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        String problem = node.isInt() ? TokenBudget.invalid(node.asText()) : "must be a whole number of bytes";
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return node.asInt();
    }

    private static String aliases(JsonNode node) {
        if (node == null || node.isNull()) {
            return Contract.DEFAULT_ROLE_ALIASES;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(ROLE_ALIASES + " must be an object of role: alias, e.g. {\"platform_admin\": \"Admin\"}");
        }
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            pairs.add(name(pair.getKey(), ROLE_ALIASES) + ":" + name(pair.getValue().isTextual() ? pair.getValue().asText() : null,
                    ROLE_ALIASES));
        }
        return pairs.isEmpty() ? PrivilegeSettings.NO_ALIASES : String.join(",", pairs);
    }

    private static String names(JsonNode node, String field, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of names");
        }
        List<String> names = new ArrayList<>();
        node.forEach(item -> names.add(name(item.isTextual() ? item.asText() : null, field)));
        return String.join(",", names);
    }

    private static String name(String value, String field) {
        if (!ContractSettingsParser.isName(value)) {
            throw new IllegalArgumentException(field + ": \"" + ContractSettingsParser.printable(String.valueOf(value))
                    + "\" is not a valid name (letters, digits, _ . -)");
        }
        return value;
    }

    private static void removeLegacyMapperKeys(RealmModel realm) {
        ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, Contract.CONTRACT_SCOPE);
        if (scope == null) {
            return;
        }
        scope.getProtocolMappersStream().filter(m -> ContractMapper.PROVIDER_ID.equals(m.getProtocolMapper()))
                .filter(m -> m.getConfig() != null && PrivilegeSettings.LEGACY_MAPPER_KEYS.stream().anyMatch(m.getConfig()::containsKey))
                .toList()
                .forEach(m -> {
                    ProtocolMapperModel updated = new ProtocolMapperModel();
                    updated.setId(m.getId());
                    updated.setName(m.getName());
                    updated.setProtocol(m.getProtocol());
                    updated.setProtocolMapper(m.getProtocolMapper());
                    Map<String, String> config = new HashMap<>(m.getConfig());
                    PrivilegeSettings.LEGACY_MAPPER_KEYS.forEach(config::remove);
                    updated.setConfig(config);
                    scope.updateProtocolMapper(updated);
                });
    }

    private static Response invalid(List<String> problems) {
        return ResponsePolicy.error(400, "invalid_settings", "the privilege settings were not changed",
                Map.of("problems", problems), "Correct the listed fields; see docs/configuration.md (privilege settings)");
    }

    private static Map<String, Object> describe(RealmModel realm, PrivilegeSettings settings, List<Problem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract_version", Contract.VERSION);
        body.put("realm", realm.getName());
        body.put("valid", problems.isEmpty());
        body.put("problems", problems.stream().map(Object::toString).toList());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ROLE_ALIASES, settings.roleAliases());
        values.put(SERVICE_ONLY_ROLES, settings.serviceOnlyRoles());
        values.put(INTERNAL_SERVICE_CLIENTS, settings.internalServiceClients());
        values.put(CORE_ADMIN_ALIAS, settings.coreAdminAlias());
        TokenBudget budget = TokenBudget.of(realm.getAttributes());
        values.put(TOKEN_SIZE_WARN, budget.warnBytes());
        values.put(TOKEN_SIZE_FAIL, budget.failBytes());
        body.put("settings", values);
        body.put("changed_by", "realm admins only (realm-management manage-realm)");
        return body;
    }
}
