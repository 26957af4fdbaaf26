package io.mozaiks.identity.keycloak.endpoint;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the admin parts of the contract resource: a bearer token of the SAME realm whose holder has
 * the {@link Permission} according to Keycloak's own admin permission evaluator ({@code realm-management}
 * roles, or fine-grained admin permissions when the realm uses them).
 *
 * <p>The evaluator's package moved between Keycloak versions ({@code ...admin.permissions} before 26.2,
 * {@code ...admin.fgap} since), so it is looked up by name once - success or failure is remembered, so a
 * missing evaluator costs nothing per request; nothing of Keycloak's admin classes is copied. If neither
 * is present the answer is "denied" (fail closed), logged once.
 */
final class AdminAccess {

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    /** The outcome and, when authenticated, who asked (for the audit log and admin event of changes). */
    record Result(Outcome outcome, String username, AdminAuth auth) {
    }

    /** What the caller needs: the report and admin env need view-clients; privilege settings need the realm role. */
    enum Permission {
        VIEW_CLIENTS("clients", "canView", "view-clients"),
        VIEW_REALM("realm", "canViewRealm", "view-realm"),
        MANAGE_REALM("realm", "canManageRealm", "manage-realm");

        private final String area;
        private final String method;
        private final String role;

        Permission(String area, String method, String role) {
            this.area = area;
            this.method = method;
            this.role = role;
        }

        String role() {
            return role;
        }
    }

    private static final Logger LOG = Logger.getLogger(AdminAccess.class);
    private static final String[] EVALUATOR_PACKAGES = {
            "org.keycloak.services.resources.admin.fgap",
            "org.keycloak.services.resources.admin.permissions"};
    /** {@code null} = not looked up yet; empty = looked up, not found. */
    private static volatile Optional<Evaluator> evaluator;

    private record Evaluator(Method factory, Map<String, Method> areas, Map<String, Method> checks) {
    }

    private AdminAccess() {
    }

    static Result check(KeycloakSession session, RealmModel realm, Permission permission) {
        KeycloakContext context = session.getContext();
        String header = context.getRequestHeaders().getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            return new Result(Outcome.UNAUTHENTICATED, null, null);
        }
        AuthenticationManager.AuthResult auth;
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session)
                    .setRealm(realm)
                    .setUriInfo(context.getUri())
                    .setConnection(context.getConnection())
                    .setHeaders(context.getRequestHeaders())
                    .authenticate();
        } catch (RuntimeException invalid) { // NotAuthorizedException and friends: a malformed header
            return new Result(Outcome.UNAUTHENTICATED, null, null);
        }
        if (auth == null || auth.getUser() == null) {
            return new Result(Outcome.UNAUTHENTICATED, null, null);
        }
        AdminAuth adminAuth = new AdminAuth(realm, auth.getToken(), auth.getUser(), auth.getClient());
        return new Result(allowed(session, realm, adminAuth, permission) ? Outcome.ALLOWED : Outcome.FORBIDDEN,
                auth.getUser().getUsername(), adminAuth);
    }

    private static boolean allowed(KeycloakSession session, RealmModel realm, AdminAuth auth, Permission permission) {
        Optional<Evaluator> found = evaluator();
        if (found.isEmpty()) {
            return false;
        }
        Evaluator e = found.get();
        try {
            Object permissions = e.factory().invoke(null, session, realm, auth);
            Object area = e.areas().get(permission.area).invoke(permissions);
            return Boolean.TRUE.equals(e.checks().get(permission.method).invoke(area));
        } catch (ReflectiveOperationException failed) {
            LOG.debugf("mozaiks contract: admin permission check failed (%s); denying", failed.toString());
            return false;
        }
    }

    /** AdminPermissions.evaluator(session, realm, auth), its clients()/realm(), and the can* checks. */
    private static Optional<Evaluator> evaluator() {
        Optional<Evaluator> found = evaluator;
        if (found != null) {
            return found;
        }
        ClassLoader loader = AdminAuth.class.getClassLoader();
        for (String pkg : EVALUATOR_PACKAGES) {
            try {
                Class<?> permissions = Class.forName(pkg + ".AdminPermissions", false, loader);
                Class<?> evaluatorType = Class.forName(pkg + ".AdminPermissionEvaluator", false, loader);
                Class<?> clientsType = Class.forName(pkg + ".ClientPermissionEvaluator", false, loader);
                Class<?> realmType = Class.forName(pkg + ".RealmPermissionEvaluator", false, loader);
                found = Optional.of(new Evaluator(
                        permissions.getMethod("evaluator", KeycloakSession.class, RealmModel.class, AdminAuth.class),
                        Map.of("clients", evaluatorType.getMethod("clients"), "realm", evaluatorType.getMethod("realm")),
                        Map.of("canView", clientsType.getMethod("canView"),
                                "canViewRealm", realmType.getMethod("canViewRealm"),
                                "canManageRealm", realmType.getMethod("canManageRealm"))));
                evaluator = found;
                return found;
            } catch (ClassNotFoundException | NoSuchMethodException notThisVersion) {
                // try the next package
            }
        }
        LOG.warn("mozaiks contract: Keycloak's admin permission evaluator was not found; admin parts of the contract"
                + " resource are denied");
        evaluator = Optional.empty();
        return evaluator;
    }
}
