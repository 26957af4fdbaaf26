package io.mozaiks.identity.doctor.realm;

import java.util.List;
import java.util.Map;

/**
 * One step of a {@link RealmPlan}: what it changes, in words an admin recognises, and the realm-management role the
 * admin API asks for it. {@link PlanExecutor} performs each exactly as described; nothing else is changed.
 */
public sealed interface Change {

    String MANAGE_REALM = "manage-realm";
    String MANAGE_CLIENTS = "manage-clients";
    String MANAGE_USERS = "manage-users";

    /** One line for the plan. */
    String describe();

    /** The realm-management role the admin API requires for this step. */
    String neededRole();

    /** A realm role the contract refers to (an alias source, the service-only role) that the realm lacks; held by nobody. */
    record CreateRealmRole(String role, String why) implements Change {
        public String describe() {
            return "create realm role " + role + " (" + why + "; nobody is given it)";
        }

        public String neededRole() {
            return MANAGE_REALM;
        }
    }

    /** The privilege settings, through the extension's validating endpoint. */
    record SetPrivilegeSettings(PrivilegeValues values, Map<String, String> before) implements Change {
        public String describe() {
            StringBuilder text = new StringBuilder("set the privilege settings (realm attributes, checked by the rules of <issuer>/mozaiks/contract/settings):");
            values.attributes().forEach((k, v) -> {
                String old = before.get(k);
                text.append(' ').append(k).append('=').append(v.isEmpty() ? "\"\"" : v)
                        .append(v.equals(old) ? "" : old == null ? " (unset before)" : " (was " + (old.isEmpty() ? "\"\"" : old) + ")")
                        .append(';');
            });
            return text.substring(0, text.length() - 1);
        }

        public String neededRole() {
            return MANAGE_REALM;
        }
    }

    /** The API audience client, created the way conformance wants it: confidential, no flow, no service account. */
    record CreateAudienceClient(String clientId) implements Change {
        public String describe() {
            return "create client " + clientId + " (the API audience: confidential, every login flow and the service account off)";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** Switches off what lets the API audience client obtain tokens itself. */
    record FixAudienceClient(String id, String clientId, List<String> switchedOff) implements Change {
        public String describe() {
            return "client " + clientId + " (the API audience, which only receives tokens): switch off "
                    + String.join(", ", switchedOff);
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** The contract scope with its one mapper. */
    record CreateContractScope(Map<String, String> mapperConfig) implements Change {
        public String describe() {
            return "create client scope " + ContractNames.CONTRACT_SCOPE + " with its one mapper \"" + ContractNames.MAPPER_NAME
                    + "\" (" + ContractNames.MAPPER_PROVIDER + ", " + MapperConfigText.of(mapperConfig) + ")";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    record AddContractMapper(String scopeId, Map<String, String> config) implements Change {
        public String describe() {
            return "client scope " + ContractNames.CONTRACT_SCOPE + ": add the contract mapper \"" + ContractNames.MAPPER_NAME
                    + "\" (" + MapperConfigText.of(config) + ")";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** Rewrites the counting contract mapper's config to exactly the contract's four keys. */
    record FixContractMapper(String scopeId, RealmSnapshot.Mapper mapper, Map<String, String> config) implements Change {
        public String describe() {
            return "client scope " + ContractNames.CONTRACT_SCOPE + ": set the config of contract mapper \"" + mapper.name()
                    + "\" to " + MapperConfigText.of(config) + " (was " + MapperConfigText.of(mapper.config()) + ")";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** A mapper of a client scope: a second contract mapper, or a foreign one in the contract scope or in another scope. */
    record DeleteScopeMapper(String scopeId, String scopeName, RealmSnapshot.Mapper mapper, String why) implements Change {
        public String describe() {
            return "client scope " + scopeName + ": delete mapper \"" + mapper.name() + "\" (" + mapper.providerId() + ", " + why + ")";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** A mapper of a named client itself. */
    record DeleteClientMapper(String id, String clientId, RealmSnapshot.Mapper mapper, String why) implements Change {
        public String describe() {
            return "client " + clientId + ": delete mapper \"" + mapper.name() + "\" (" + mapper.providerId() + ", " + why + ")";
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /**
     * Takes a shared client scope off a named client (the scope itself and its other clients stay as they are),
     * because some of its mappers write claims only the contract decides.
     */
    record DetachScope(String id, String clientId, String scopeId, String scopeName, boolean optional, List<String> mappers)
            implements Change {
        public String describe() {
            return "client " + clientId + ": remove " + (optional ? "optional" : "default") + " client scope " + scopeName
                    + " from this client (the scope stays for other clients), because its mappers write claims only the contract"
                    + " decides: " + String.join("; ", mappers);
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** The contract scope as a Default scope of a named client (taken off its Optional scopes first). */
    record AddDefaultScope(String id, String clientId, boolean wasOptional) implements Change {
        public String describe() {
            return "client " + clientId + ": add client scope " + ContractNames.CONTRACT_SCOPE + " as Default"
                    + (wasOptional ? " (it was Optional)" : "");
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** The client attribute the contract mapper reads {@code app_id} from. */
    record SetClientAttribute(String id, String clientId, String name, String value, String before) implements Change {
        public String describe() {
            return "client " + clientId + ": set attribute " + name + "=" + value
                    + (before == null ? "" : " (was " + Printable.of(before) + ")");
        }

        public String neededRole() {
            return MANAGE_CLIENTS;
        }
    }

    /** The service-only role for a named service account, which makes its client-credentials tokens internal. */
    record GrantServiceRole(String id, String clientId, String role) implements Change {
        public String describe() {
            return "service account of client " + clientId + ": grant realm role " + role
                    + " (its client-credentials tokens become internal service tokens)";
        }

        public String neededRole() {
            return MANAGE_USERS;
        }
    }

    /** The realm attribute that records the contract version the realm was brought to. */
    record RecordContractVersion(String version, String before) implements Change {
        public String describe() {
            return "set realm attribute " + ContractNames.VERSION_ATTRIBUTE + "=" + version
                    + (before == null ? "" : " (was " + Printable.of(before) + ")");
        }

        public String neededRole() {
            return MANAGE_REALM;
        }
    }
}
