package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.conformance.ConformanceReport;
import io.mozaiks.identity.keycloak.contract.ContractDocument;
import io.mozaiks.identity.keycloak.contract.ContractV1;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.keycloak.contract.EnvFile.Consumer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /realms/{realm}/mozaiks/contract}, {@code .../env/{consumer}}, {@code .../conformance},
 * {@code .../conformance/env/{consumer}} and {@code .../settings} (docs/contracts/contract-endpoint-v1.1.md).
 *
 * <p>One catch-all path per HTTP method and a small route table here, so every answer - including 404
 * and 405 - carries {@code Cache-Control: no-store} and the same CORS headers. Read-only (GET, HEAD,
 * OPTIONS) except {@code PUT .../settings} for realm admins, which CORS does not offer to browsers.
 * A disabled realm publishes nothing.
 */
public class ContractResource {

    static final String ALLOW = "GET, HEAD, OPTIONS";
    /** /contract/settings also takes PUT; CORS never offers it (Access-Control-Allow-Methods stays {@link #ALLOW}). */
    static final String ALLOW_SETTINGS = "GET, HEAD, PUT, OPTIONS";
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");
    private static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8");

    private enum Kind { CONTRACT, ENV, CONFORMANCE, ADMIN_ENV, SETTINGS }

    private record Route(Kind kind, String consumer) {
    }

    private final KeycloakSession session;

    public ContractResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("{path:.*}")
    public Response get(@PathParam("path") String path) {
        return serve(path);
    }

    @HEAD
    @Path("{path:.*}")
    public Response head(@PathParam("path") String path) {
        Response full = serve(path);
        return Response.fromResponse(full).entity(null).build();
    }

    @OPTIONS
    @Path("{path:.*}")
    public Response options(@PathParam("path") String path) {
        if (route(path) == null) {
            return notFound(path);
        }
        return base(Response.Status.NO_CONTENT.getStatusCode())
                .header("Allow", allow(route(path)))
                .header("Access-Control-Allow-Methods", ALLOW)
                .header("Access-Control-Allow-Headers", "Authorization, Accept")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    @POST
    @Path("{path:.*}")
    public Response post(@PathParam("path") String path) {
        return notAllowed(path);
    }

    /** The body is read only after the caller is known to be a realm admin, and never past the size limit. */
    @PUT
    @Path("{path:.*}")
    public Response put(@PathParam("path") String path, InputStream body) {
        Route route = route(path);
        if (route == null || route.kind() != Kind.SETTINGS) {
            return notAllowed(path);
        }
        RealmModel realm = session.getContext().getRealm();
        if (!realm.isEnabled()) {
            return realmDisabled();
        }
        AdminAccess.Result access = AdminAccess.check(session, realm, AdminAccess.Permission.MANAGE_REALM);
        Response denied = denied(realm, access, AdminAccess.Permission.MANAGE_REALM);
        if (denied != null) {
            return denied;
        }
        String text;
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(PrivilegeSettingsEndpoint.MAX_BODY + 1);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            text = "";
        }
        PrivilegeSettingsEndpoint.Answer answer = PrivilegeSettingsEndpoint.put(realm, text, access.username());
        return json(answer.status(), answer.body());
    }

    @DELETE
    @Path("{path:.*}")
    public Response delete(@PathParam("path") String path) {
        return notAllowed(path);
    }

    @PATCH
    @Path("{path:.*}")
    public Response patch(@PathParam("path") String path) {
        return notAllowed(path);
    }

    private Response serve(String path) {
        Route route = route(path);
        if (route == null) {
            return notFound(path);
        }
        RealmModel realm = session.getContext().getRealm();
        if (!realm.isEnabled()) {
            return realmDisabled();
        }
        if (route.kind() == Kind.CONFORMANCE || route.kind() == Kind.ADMIN_ENV || route.kind() == Kind.SETTINGS) {
            AdminAccess.Permission permission = route.kind() == Kind.SETTINGS
                    ? AdminAccess.Permission.VIEW_REALM : AdminAccess.Permission.VIEW_CLIENTS;
            Response denied = denied(realm, AdminAccess.check(session, realm, permission), permission);
            if (denied != null) {
                return denied;
            }
        }
        Optional<Consumer> consumer = Optional.empty();
        if (route.consumer() != null) {
            consumer = Consumer.fromSegment(route.consumer());
            if (consumer.isEmpty()) {
                return error(404, "unknown_consumer", "no consumer named \"" + route.consumer().replaceAll("\\p{Cntrl}", "?")
                        + "\"", "Use one of: " + String.join(", ", Arrays.stream(Consumer.values()).map(Consumer::segment).toList()));
            }
        }
        Optional<ContractLookup.Contract> found = ContractLookup.find(realm);
        if (found.isEmpty()) {
            return error(404, "contract_not_configured", "realm " + realm.getName()
                            + " has no client scope holding the mozaiks contract v1 mapper",
                    "Create the client scope " + ContractV1.CONTRACT_SCOPE + " with a mapper of type \"mozaiks contract v1\""
                            + " (provider id mozaiks-contract-v1-mapper) and assign it as a Default client scope to each"
                            + " client whose tokens the consumers accept");
        }
        ContractLookup.Contract contract = found.get();
        boolean followsRequest = IssuerPolicy.followsRequest(session);
        String issuer = Urls.realmIssuer(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realm.getName());
        return switch (route.kind()) {
            case CONTRACT -> json(200, ContractDocument.build(facts(realm, contract, issuer, followsRequest)));
            case ENV -> env(realm, contract, consumer.orElseThrow(), issuer, followsRequest, null, Map.of());
            case CONFORMANCE -> json(200, report(realm, contract).build(followsRequest));
            case ADMIN_ENV -> {
                ConformanceReport report = report(realm, contract);
                yield env(realm, contract, consumer.orElseThrow(), issuer, followsRequest,
                        report.allowedClientIds(contract.scopeName()), report.platformUnsafeClientIds());
            }
            case SETTINGS -> {
                PrivilegeSettingsEndpoint.Answer answer = PrivilegeSettingsEndpoint.get(realm, contract.mapperConfig());
                yield json(answer.status(), answer.body());
            }
        };
    }

    private ConformanceReport report(RealmModel realm, ContractLookup.Contract contract) {
        return new ConformanceReport(session, realm, contract.scopeName(), contract.settings(), contract.mapperId(),
                contract.mapperConfig());
    }

    private static Response realmDisabled() {
        return error(404, "realm_disabled", "this realm is disabled and publishes no contract",
                "Enable the realm (Realm settings > General > Enabled) if its tokens should be accepted");
    }

    private static ContractDocument.Facts facts(RealmModel realm, ContractLookup.Contract contract, String issuer,
                                                boolean followsRequest) {
        List<String> warnings = new ArrayList<>();
        if (followsRequest) {
            warnings.add("hostname is not configured as a full URL: this issuer follows the request's Host and"
                    + " X-Forwarded headers. Start Keycloak with --hostname=<public base URL> before any consumer relies on it.");
        }
        String algorithm = realm.getDefaultSignatureAlgorithm();
        return new ContractDocument.Facts(realm.getName(), issuer, contract.settings(),
                algorithm == null || algorithm.isBlank() ? "RS256" : algorithm, warnings);
    }

    private Response env(RealmModel realm, ContractLookup.Contract contract, Consumer consumer, String issuer,
                         boolean followsRequest, List<String> allowedClientIds, Map<String, String> platformUnsafe) {
        if (followsRequest) {
            return error(409, "hostname_not_configured", "the issuer follows request headers because hostname is not"
                            + " configured as a full URL; settings derived from it cannot be trusted",
                    "Start Keycloak with --hostname=<public base URL> (e.g. https://auth.example.com) or set the"
                            + " realm's Frontend URL, then fetch this file again");
        }
        boolean backchannel = "true".equals(session.getContext().getUri().getQueryParameters().getFirst("backchannel"));
        EnvFile.Endpoints endpoints = EnvFile.Endpoints.of(issuer);
        if (backchannel) {
            if (!IssuerPolicy.followsRequest(session, UrlType.BACKEND)) {
                return error(409, "backchannel_not_dynamic", "back-channel URLs are the public ones: Keycloak's"
                                + " hostname-backchannel-dynamic is off, so there is no in-network variant",
                        "Start Keycloak with --hostname-backchannel-dynamic=true (and a full-URL hostname), or use the"
                                + " public variant without ?backchannel=true");
            }
            endpoints = EnvFile.Endpoints.backchannel(issuer,
                    Urls.realmIssuer(session.getContext().getUri(UrlType.BACKEND).getBaseUri(), realm.getName()));
        }
        List<String> warnings = new ArrayList<>();
        List<String> allowed = allowedClientIds;
        if (allowedClientIds != null) {
            // .NET compares the list ignoring case and splits it on commas: such an id would admit another client.
            List<String> colliding = allowedClientIds.stream().filter(platformUnsafe::containsKey).toList();
            if (!colliding.isEmpty()) {
                warnings.add(colliding.size() + " client id(s) that mozaiks-platform cannot tell apart from another"
                        + " client id (same ignoring case, or a comma) were left out of AUTH_ALLOWED_CLIENT_IDS: "
                        + colliding.stream().filter(EnvFile::isPlainValue).collect(java.util.stream.Collectors.joining(", "))
                        + " (conformance check client-id-collision); rename those clients");
            }
            List<String> distinct = allowedClientIds.stream().filter(id -> !platformUnsafe.containsKey(id)).toList();
            allowed = distinct.stream().filter(EnvFile::isPlainValue).toList();
            int refused = distinct.size() - allowed.size();
            if (refused > 0) {
                warnings.add(refused + " client id(s) with characters a shell or dotenv loader interprets were left out of"
                        + " AUTH_ALLOWED_CLIENT_IDS (see the conformance report's client list); rename those clients");
            }
        }
        Map<String, String> variables;
        try {
            variables = EnvFile.variables(consumer, endpoints, contract.settings(), allowed);
        } catch (IllegalStateException refused) {
            return error(409, "contract_invalid", refused.getMessage(),
                    "Correct the named setting (issuer: the hostname or the realm's Frontend URL; others: the contract"
                            + " mapper, listed in the admin conformance report)");
        }
        String source = issuer + "/" + ContractResourceProviderFactory.ID + "/contract/"
                + (allowedClientIds == null ? "" : "conformance/") + "env/" + consumer.segment()
                + (backchannel ? "?backchannel=true" : "");
        if (wantsJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contract_version", ContractV1.VERSION);
            body.put("consumer", consumer.segment());
            body.put("variables", variables);
            body.put("warnings", warnings);
            return json(200, body);
        }
        return base(200).type(TEXT).entity(EnvFile.render(consumer, realm.getName(), source, variables, warnings)).build();
    }

    private static Response denied(RealmModel realm, AdminAccess.Result access, AdminAccess.Permission permission) {
        return switch (access.outcome()) {
            case ALLOWED -> null;
            case UNAUTHENTICATED -> Response.fromResponse(error(401, "unauthorized",
                            "a bearer token of realm " + realm.getName() + " is required",
                            "Send Authorization: Bearer <access token of a user with realm-management " + permission.role() + ">"))
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"").build();
            case FORBIDDEN -> error(403, "forbidden", "the token's user lacks " + permission.role(),
                    "Grant the user the realm-management client role " + permission.role());
        };
    }

    private boolean wantsJson() {
        for (MediaType type : session.getContext().getRequestHeaders().getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("application".equals(type.getType()) && "json".equals(type.getSubtype())) {
                return true;
            }
            if ("text".equals(type.getType())) {
                return false;
            }
        }
        return false;
    }

    private static Route route(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] s = p.split("/", -1);
        if (s.length == 1 && s[0].equals("contract")) {
            return new Route(Kind.CONTRACT, null);
        }
        if (s.length == 3 && s[0].equals("contract") && s[1].equals("env") && !s[2].isEmpty()) {
            return new Route(Kind.ENV, s[2]);
        }
        if (s.length == 2 && s[0].equals("contract") && s[1].equals("conformance")) {
            return new Route(Kind.CONFORMANCE, null);
        }
        if (s.length == 2 && s[0].equals("contract") && s[1].equals("settings")) {
            return new Route(Kind.SETTINGS, null);
        }
        if (s.length == 4 && s[0].equals("contract") && s[1].equals("conformance") && s[2].equals("env") && !s[3].isEmpty()) {
            return new Route(Kind.ADMIN_ENV, s[3]);
        }
        return null;
    }

    private static Response notFound(String path) {
        return error(404, "not_found", "no such contract resource",
                "Use /contract, /contract/env/{core|platform|plugin-host}, /contract/conformance,"
                        + " /contract/conformance/env/{core|platform|plugin-host} or /contract/settings");
    }

    private static Response notAllowed(String path) {
        if (route(path) == null) {
            return notFound(path);
        }
        return Response.fromResponse(error(405, "method_not_allowed", "this contract resource is read-only"
                        + " (only /contract/settings takes PUT, from realm admins)",
                "Use " + allow(route(path)))).header("Allow", allow(route(path))).build();
    }

    private static String allow(Route route) {
        return route != null && route.kind() == Kind.SETTINGS ? ALLOW_SETTINGS : ALLOW;
    }

    private static Response error(int status, String code, String description, String fix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        body.put("fix", fix);
        return json(status, body);
    }

    private static Response json(int status, Object body) {
        try {
            return base(status).type(JSON).entity(JsonSerialization.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every answer: never cached (it reflects live config), readable cross-origin (public, read-only data). */
    private static Response.ResponseBuilder base(int status) {
        return Response.status(status)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Access-Control-Allow-Origin", "*");
    }
}
