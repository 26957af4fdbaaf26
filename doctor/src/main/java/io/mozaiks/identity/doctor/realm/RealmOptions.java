package io.mozaiks.identity.doctor.realm;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The options {@code realm plan} and {@code realm apply} share: where, which clients, which privilege settings. */
public final class RealmOptions {

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "Keycloak's base URL, e.g. https://id.example.com (without /realms/...).")
    String url;

    @Option(names = "--realm", required = true, paramLabel = "REALM", description = "The existing realm to bring to the contract.")
    String realm;

    @Option(names = "--client", paramLabel = "CLIENT_ID",
            description = "A client people sign in through (repeatable): it gets client scope access_as_user as Default, and"
                    + " its mappers that write contract claims are removed.")
    List<String> clients = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "CLIENT_ID",
            description = "A client whose service account calls the APIs (repeatable): it gets the scope too, and its service"
                    + " account the service-only role internal_service.")
    List<String> serviceAccounts = new ArrayList<>();

    @Option(names = "--app-id", paramLabel = "APP_ID",
            description = "Sets the client attribute app_id is read from (mozaiks.app_id unless the contract mapper names another)"
                    + " to this value on every named client.")
    String appId;

    @Option(names = "--role-alias", paramLabel = "ROLE=ALIAS",
            description = "Privilege setting (repeatable): extra role name beside a realm role. Default: the realm's, else platform_admin=Admin.")
    Map<String, String> roleAliases;

    @Option(names = "--service-only-role", paramLabel = "ROLE",
            description = "Privilege setting (repeatable): roles only service tokens carry. Default: the realm's, else internal_service and service.")
    List<String> serviceOnlyRoles;

    @Option(names = "--internal-service-client", paramLabel = "CLIENT_ID",
            description = "Privilege setting (repeatable): the only clients whose service tokens are internal. Default: the realm's"
                    + " list plus the named service accounts (an empty list on the realm means any and stays so).")
    List<String> internalServiceClients;

    @Option(names = "--core-admin-alias", negatable = true,
            description = "Privilege setting: allow an alias to lowercase admin (grants mozaiks-core superadmin). Default: the realm's, else off.")
    Boolean coreAdminAlias;

    @Option(names = "--admin-realm", paramLabel = "REALM", defaultValue = "master",
            description = "The realm the admin account signs in to (default: ${DEFAULT-VALUE}). Use the target realm for a realm"
                    + " admin of it; only then can the doctor show the conformance report.")
    String adminRealm;

    @Option(names = "--admin-user", paramLabel = "USER",
            description = "The admin user (default: $" + AdminCredentials.USER + "). Its password is never an option: $"
                    + AdminCredentials.PASSWORD + " or --password-stdin.")
    String adminUser;

    @Option(names = "--password-stdin", description = "Read the admin password from standard input (e.g. from a secret manager's CLI).")
    boolean passwordStdin;

    DeployRequest request() {
        return new DeployRequest(clients, serviceAccounts, appId, roleAliases == null ? null : new LinkedHashMap<>(roleAliases),
                serviceOnlyRoles, internalServiceClients, coreAdminAlias);
    }

    AdminConnection connect(Function<String, String> env, InputStream stdin) throws IOException {
        String password = passwordStdin ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip() : null;
        if (passwordStdin && password.isEmpty()) {
            throw new PlanRefused("--password-stdin: standard input was empty");
        }
        AdminCredentials credentials = AdminCredentials.from(env, password, adminUser);
        return new AdminConnection(url, realm, adminRealm, credentials);
    }
}
