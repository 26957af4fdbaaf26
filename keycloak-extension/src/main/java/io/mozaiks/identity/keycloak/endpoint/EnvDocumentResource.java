package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.conformance.ContractClients;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.contractenv.ConsumerId;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET <issuer>/mozaiks/contract/env/{consumer}} and its admin variant {@code .../conformance/env/{consumer}}:
 * the {@code .env} a consumer needs ({@link EnvFile}), as text or JSON, on the public or (with
 * {@code ?backchannel=true}) the in-network address. Only while the issuer is fixed: a request-controlled issuer
 * would put request headers into a consumer's configuration.
 */
final class EnvDocumentResource {

    private EnvDocumentResource() {
    }

    /** The public variant: no {@code AUTH_ALLOWED_CLIENT_IDS}. */
    static Response get(ContractRequest request, ConsumerId consumer) {
        return answer(request, consumer, null);
    }

    /** The admin variant: the platform's document adds the allowed client ids ({@link ContractClients#platformAllowList()}). */
    static Response getForAdmin(ContractRequest request, ConsumerId consumer, ContractClients clients) {
        return answer(request, consumer, clients.platformAllowList());
    }

    private static Response answer(ContractRequest request, ConsumerId consumer, ContractClients.PlatformAllowList allowList) {
        if (request.issuerFollowsRequest()) {
            return issuerNotFixed();
        }
        boolean backchannel = "true".equals(request.session().getContext().getUri().getQueryParameters().getFirst("backchannel"));
        EnvFile.Endpoints endpoints = EnvFile.Endpoints.of(request.issuer());
        if (backchannel) {
            if (!IssuerPolicy.followsRequest(request.session(), UrlType.BACKEND)) {
                return ResponsePolicy.error(409, "backchannel_not_dynamic", "back-channel URLs are the public ones: Keycloak's"
                                + " hostname-backchannel-dynamic is off, so there is no in-network variant",
                        "Start Keycloak with --hostname-backchannel-dynamic=true (and a full-URL hostname), or use the"
                                + " public variant without ?backchannel=true");
            }
            endpoints = EnvFile.Endpoints.backchannel(request.issuer(), Urls.realmIssuer(
                    request.session().getContext().getUri(UrlType.BACKEND).getBaseUri(), request.realm().getName()));
        }
        List<String> warnings = allowList == null ? List.of() : allowList.warnings();
        Map<String, String> variables;
        try {
            variables = EnvFile.variables(consumer, endpoints, request.contract().settings(),
                    allowList == null ? null : allowList.clientIds());
        } catch (IllegalStateException refused) {
            return ResponsePolicy.error(409, "contract_invalid", refused.getMessage(),
                    "Correct the named setting (issuer: the hostname or the realm's Frontend URL; others: the contract"
                            + " mapper, listed in the admin conformance report)");
        }
        if (ResponsePolicy.wantsJson(request.session().getContext().getRequestHeaders().getAcceptableMediaTypes())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contract_version", Contract.VERSION);
            body.put("consumer", consumer.segment());
            body.put("variables", variables);
            body.put("warnings", warnings);
            return ResponsePolicy.json(200, body);
        }
        return ResponsePolicy.text(EnvFile.render(consumer, request.realm().getName(),
                source(request.issuer(), consumer, allowList != null, backchannel), variables, warnings));
    }

    /** Every document naming the issuer refuses to answer while the issuer follows request headers. */
    static Response issuerNotFixed() {
        return ResponsePolicy.error(409, "hostname_not_configured", "the issuer follows request headers because hostname"
                        + " is not configured as a full URL; settings derived from it cannot be trusted",
                "Start Keycloak with --hostname=<public base URL> (e.g. https://auth.example.com) or set the"
                        + " realm's Frontend URL, then fetch this file again");
    }

    /** Where the document came from, for its header comment. */
    static String source(String issuer, ConsumerId consumer, boolean admin, boolean backchannel) {
        return issuer + "/" + ContractRoutes.ROOT + "/contract/" + (admin ? "conformance/" : "") + "env/" + consumer.segment()
                + (backchannel ? "?backchannel=true" : "");
    }
}
