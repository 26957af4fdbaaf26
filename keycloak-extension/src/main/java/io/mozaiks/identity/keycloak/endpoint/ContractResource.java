package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.conformance.ConformanceReport;
import io.mozaiks.identity.keycloak.conformance.RealmFacts;
import io.mozaiks.identity.keycloak.conformance.ReportFacts;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.contractenv.ConsumerId;
import io.mozaiks.identity.keycloak.metrics.ContractMeters;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /realms/{realm}/mozaiks/contract}, {@code .../env/{consumer}}, {@code .../conformance},
 * {@code .../conformance/env/{consumer}} and {@code .../settings} (docs/contracts/contract-endpoint-v1.2.md):
 * the JAX-RS adapter. One catch-all path per HTTP method, routed by {@link ContractRoutes}, so every answer -
 * including 404 and 405 - passes {@link ResponsePolicy}. Here only the gate that every resource shares (route,
 * enabled realm, admin permission by {@link AdminAccess}, consumer, contract); what each path answers is its
 * resource's. Read-only except {@code PUT .../settings} for realm admins, which CORS does not offer to browsers.
 */
public class ContractResource {

    private final KeycloakSession session;

    public ContractResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("{path:.*}")
    public Response get(@PathParam("path") String path) {
        return counted(serve(path));
    }

    @HEAD
    @Path("{path:.*}")
    public Response head(@PathParam("path") String path) {
        return counted(ResponsePolicy.head(serve(path)));
    }

    @OPTIONS
    @Path("{path:.*}")
    public Response options(@PathParam("path") String path) {
        return counted(ContractRoutes.route(path).map(route -> ResponsePolicy.options(route.allow()))
                .orElseGet(ContractResource::notFound));
    }

    @POST
    @Path("{path:.*}")
    public Response post(@PathParam("path") String path) {
        return counted(notAllowed(path));
    }

    @PUT
    @Path("{path:.*}")
    public Response put(@PathParam("path") String path, InputStream body) {
        return counted(update(path, body));
    }

    private Response update(String path, InputStream body) {
        Optional<ContractRoutes.Route> route = ContractRoutes.route(path);
        if (route.isEmpty() || route.get().kind() != ContractRoutes.Kind.SETTINGS) {
            return notAllowed(path);
        }
        RealmModel realm = session.getContext().getRealm();
        if (!realm.isEnabled()) {
            return realmDisabled();
        }
        AdminAccess.Result access = AdminAccess.check(session, realm, AdminAccess.Permission.MANAGE_REALM);
        Response denied = denied(realm, access, AdminAccess.Permission.MANAGE_REALM);
        return denied != null ? denied : PrivilegeSettingsEndpoint.put(realm, body, access.username(),
                new SettingsAdminEvent(session, realm, access.auth()));
    }

    @DELETE
    @Path("{path:.*}")
    public Response delete(@PathParam("path") String path) {
        return counted(notAllowed(path));
    }

    @PATCH
    @Path("{path:.*}")
    public Response patch(@PathParam("path") String path) {
        return counted(notAllowed(path));
    }

    /** Every answer is counted by status class ({@link ContractMeters#ENDPOINT_RESPONSES}). */
    private Response counted(Response response) {
        ContractMeters.global().endpointResponse(session.getContext().getRealm().getName(), response.getStatus());
        return response;
    }

    private Response serve(String path) {
        Optional<ContractRoutes.Route> found = ContractRoutes.route(path);
        if (found.isEmpty()) {
            return notFound();
        }
        ContractRoutes.Route route = found.get();
        RealmModel realm = session.getContext().getRealm();
        if (!realm.isEnabled()) {
            return realmDisabled();
        }
        Optional<AdminAccess.Permission> permission = route.readPermission();
        if (permission.isPresent()) {
            Response denied = denied(realm, AdminAccess.check(session, realm, permission.get()), permission.get());
            if (denied != null) {
                return denied;
            }
        }
        Optional<ConsumerId> consumer = Optional.empty();
        if (route.consumer() != null) {
            consumer = ConsumerId.fromSegment(route.consumer());
            if (consumer.isEmpty()) {
                return unknownConsumer(route.consumer());
            }
        }
        Optional<ContractLookup.CountingMapper> contract = ContractLookup.find(realm);
        if (contract.isEmpty()) {
            return contractNotConfigured(realm);
        }
        ContractRequest request = new ContractRequest(session, realm, contract.get(),
                Urls.realmIssuer(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realm.getName()),
                IssuerPolicy.followsRequest(session));
        return switch (route.kind()) {
            case CONTRACT -> ContractDocumentResource.get(request);
            case ENV -> EnvDocumentResource.get(request, consumer.orElseThrow());
            case SHELL_ENV -> BrowserClientDocumentResource.shell(request);
            case SUCCESSOR_UI -> BrowserClientDocumentResource.successorUi(request);
            case CONFORMANCE -> ResponsePolicy.json(200, new ConformanceReport(reportFacts(request))
                    .build(request.issuerFollowsRequest()));
            case ADMIN_ENV -> EnvDocumentResource.getForAdmin(request, consumer.orElseThrow(), RealmFacts.clients(session,
                    realm, request.contract().scopeName(), RealmFacts.privileges(realm, request.contract().mapperConfig())));
            case SETTINGS -> PrivilegeSettingsEndpoint.get(realm, request.contract().mapperConfig());
        };
    }

    private static ReportFacts reportFacts(ContractRequest request) {
        ContractLookup.CountingMapper contract = request.contract();
        return RealmFacts.report(request.session(), request.realm(), contract.scopeName(), contract.settings(),
                contract.mapperId(), contract.mapperConfig());
    }

    private static Response denied(RealmModel realm, AdminAccess.Result access, AdminAccess.Permission permission) {
        return switch (access.outcome()) {
            case ALLOWED -> null;
            case UNAUTHENTICATED -> Response.fromResponse(ResponsePolicy.error(401, "unauthorized",
                            "a bearer token of realm " + realm.getName() + " is required",
                            "Send Authorization: Bearer <access token of a user with realm-management " + permission.role() + ">"))
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"").build();
            case FORBIDDEN -> ResponsePolicy.error(403, "forbidden", "the token's user lacks " + permission.role(),
                    "Grant the user the realm-management client role " + permission.role());
        };
    }

    private static Response notAllowed(String path) {
        return ContractRoutes.route(path).map(route -> ResponsePolicy.methodNotAllowed(route.allow()))
                .orElseGet(ContractResource::notFound);
    }

    private static Response notFound() {
        return ResponsePolicy.error(404, "not_found", "no such contract resource", "Use " + ContractRoutes.KNOWN_PATHS);
    }

    private static Response realmDisabled() {
        return ResponsePolicy.error(404, "realm_disabled", "this realm is disabled and publishes no contract",
                "Enable the realm (Realm settings > General > Enabled) if its tokens should be accepted");
    }

    private static Response unknownConsumer(String segment) {
        return ResponsePolicy.error(404, "unknown_consumer", "no consumer named \"" + segment.replaceAll("\\p{Cntrl}", "?")
                + "\"", "Use one of: " + String.join(", ", Arrays.stream(ConsumerId.values()).map(ConsumerId::segment).toList())
                + ", " + ContractRoutes.SHELL + ", " + ContractRoutes.SUCCESSOR_UI);
    }

    private static Response contractNotConfigured(RealmModel realm) {
        return ResponsePolicy.error(404, "contract_not_configured", "realm " + realm.getName()
                        + " has no client scope holding the mozaiks contract v1 mapper",
                "Create the client scope " + Contract.CONTRACT_SCOPE + " with a mapper of type \"mozaiks contract v1\""
                        + " (provider id mozaiks-contract-v1-mapper) and assign it as a Default client scope to each"
                        + " client whose tokens the consumers accept");
    }
}
