package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.contract.ContractDocument;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** {@code GET <issuer>/mozaiks/contract}: the public contract document. */
final class ContractDocumentResource {

    private ContractDocumentResource() {
    }

    static Response get(ContractRequest request) {
        List<String> warnings = new ArrayList<>();
        if (request.issuerFollowsRequest()) {
            warnings.add("hostname is not configured as a full URL: this issuer follows the request's Host and"
                    + " X-Forwarded headers. Start Keycloak with --hostname=<public base URL> before any consumer relies on it.");
        }
        String algorithm = request.realm().getDefaultSignatureAlgorithm();
        return ResponsePolicy.json(200, ContractDocument.build(new ContractDocument.Facts(request.realm().getName(),
                request.issuer(), request.contract().settings(),
                algorithm == null || algorithm.isBlank() ? "RS256" : algorithm, warnings)));
    }
}
