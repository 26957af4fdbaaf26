package io.mozaiks.identity.keycloak.endpoint;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;

import java.lang.reflect.Method;

/**
 * Who may read the conformance report: a bearer token of the SAME realm whose holder may view clients
 * according to Keycloak's own admin permission evaluator ({@code view-clients} / {@code manage-clients}
 * of {@code realm-management}, or fine-grained admin permissions when the realm uses them).
 *
 * <p>The evaluator's package moved between Keycloak versions ({@code ...admin.permissions} before 26.2,
 * {@code ...admin.fgap} since), so it is looked up by name once; nothing of Keycloak's admin classes is
 * copied. If neither is present the answer is "denied" (fail closed), with one log line.
 */
final class AdminAccess {

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private static final Logger LOG = Logger.getLogger(AdminAccess.class);
    private static final String[] EVALUATOR_PACKAGES = {
            "org.keycloak.services.resources.admin.fgap",
            "org.keycloak.services.resources.admin.permissions"};
    private static volatile Method[] evaluator;

    private AdminAccess() {
    }

    static Outcome check(KeycloakSession session, RealmModel realm) {
        KeycloakContext context = session.getContext();
        String header = context.getRequestHeaders().getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            return Outcome.UNAUTHENTICATED;
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
            return Outcome.UNAUTHENTICATED;
        }
        if (auth == null || auth.getUser() == null) {
            return Outcome.UNAUTHENTICATED;
        }
        AdminAuth adminAuth = new AdminAuth(realm, auth.getToken(), auth.getUser(), auth.getClient());
        return canViewClients(session, realm, adminAuth) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    private static boolean canViewClients(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        Method[] methods = evaluatorMethods();
        if (methods == null) {
            return false;
        }
        try {
            Object permissions = methods[0].invoke(null, session, realm, auth);
            Object clients = methods[1].invoke(permissions);
            return Boolean.TRUE.equals(methods[2].invoke(clients));
        } catch (ReflectiveOperationException e) {
            LOG.warnf("mozaiks contract: admin permission check failed (%s); denying", e.toString());
            return false;
        }
    }

    /** {AdminPermissions.evaluator(session, realm, auth), AdminPermissionEvaluator.clients(), ClientPermissionEvaluator.canView()} */
    private static Method[] evaluatorMethods() {
        Method[] found = evaluator;
        if (found != null) {
            return found;
        }
        ClassLoader loader = AdminAuth.class.getClassLoader();
        for (String pkg : EVALUATOR_PACKAGES) {
            try {
                Class<?> permissions = Class.forName(pkg + ".AdminPermissions", false, loader);
                Class<?> evaluatorType = Class.forName(pkg + ".AdminPermissionEvaluator", false, loader);
                Class<?> clientsType = Class.forName(pkg + ".ClientPermissionEvaluator", false, loader);
                found = new Method[] {
                        permissions.getMethod("evaluator", KeycloakSession.class, RealmModel.class, AdminAuth.class),
                        evaluatorType.getMethod("clients"),
                        clientsType.getMethod("canView")};
                evaluator = found;
                return found;
            } catch (ClassNotFoundException | NoSuchMethodException notThisVersion) {
                // try the next package
            }
        }
        LOG.warn("mozaiks contract: Keycloak's admin permission evaluator was not found; the conformance report is denied");
        return null;
    }
}
