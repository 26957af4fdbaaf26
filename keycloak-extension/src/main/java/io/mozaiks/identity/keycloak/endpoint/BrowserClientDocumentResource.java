package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.contractenv.BrowserOrigin;
import io.mozaiks.identity.contractenv.DotEnv;
import io.mozaiks.identity.contractenv.ShellConfig;
import io.mozaiks.identity.contractenv.SuccessorUiConfig;
import io.mozaiks.identity.keycloak.contract.Contract;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code GET <issuer>/mozaiks/contract/env/shell} (mozaiks-core's browser shell: {@code VITE_AUTH_*} as dotenv, or
 * with {@code Accept: application/json} the object for {@code window.__MOZAIKS_AUTH_CONFIG}) and
 * {@code .../env/successor-ui} (the {@code auth.json} fragment of the successor's keycloak-js chat UI, JSON only).
 * Public like the consumers' documents, never a secret (the shell client is public), values refused rather than
 * quoted. {@code ?origin=} names the web origin the UI runs on (default: the shell's dev server).
 */
final class BrowserClientDocumentResource {

    static final String ORIGIN_PARAMETER = "origin";

    private BrowserClientDocumentResource() {
    }

    static Response shell(ContractRequest request) {
        Response refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        BrowserOrigin origin;
        try {
            origin = origin(request);
        } catch (IllegalArgumentException bad) {
            return invalidOrigin(bad);
        }
        ShellConfig.Values values = new ShellConfig.Values(request.issuer(), Contract.SHELL_CLIENT, origin,
                request.contract().settings().requiredScope());
        Map<String, String> variables;
        try {
            variables = ShellConfig.variables(values);
        } catch (IllegalStateException unsafe) {
            return contractInvalid(unsafe);
        }
        if (ResponsePolicy.wantsJson(request.session().getContext().getRequestHeaders().getAcceptableMediaTypes())) {
            return ResponsePolicy.json(200, ShellConfig.runtimeConfig(values));
        }
        ClientModel client = request.realm().getClientByClientId(Contract.SHELL_CLIENT);
        List<String> warnings = ClientRedirects.warnings(Contract.SHELL_CLIENT, client.getRedirectUris(),
                client.getAttribute(ClientRedirects.POST_LOGOUT_ATTRIBUTE), variables.get("VITE_AUTH_REDIRECT_URI"),
                variables.get("VITE_AUTH_POST_LOGOUT_REDIRECT_URI"));
        StringBuilder out = new StringBuilder();
        out.append(DotEnv.comment("mozaiks contract v" + Contract.VERSION + ": mozaiks-core browser shell (oidc-client-ts),"
                + " realm " + request.realm().getName() + ", origin " + origin));
        out.append(DotEnv.comment("Source: " + request.issuer() + "/" + ContractRoutes.ROOT + "/contract/env/" + ContractRoutes.SHELL
                + "?" + ORIGIN_PARAMETER + "=" + origin));
        warnings.forEach(w -> out.append(DotEnv.comment("WARNING: " + w)));
        out.append("# VITE_AUTH_SCOPE is left to the shell's default, \"" + ShellConfig.SCOPE + "\"; the shell appends"
                + " VITE_AUTH_API_SCOPE.\n");
        out.append("# Public values of a public client: this file never holds credentials.\n");
        out.append(DotEnv.render(variables));
        return ResponsePolicy.text(out.toString());
    }

    static Response successorUi(ContractRequest request) {
        Response refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        String apiScope = request.contract().settings().requiredScope();
        String scopes = ShellConfig.SCOPE + (apiScope == null ? "" : " " + apiScope);
        try {
            return ResponsePolicy.json(200, SuccessorUiConfig.document(new SuccessorUiConfig.Values(request.issuer(),
                    request.realm().getName(), Contract.SHELL_CLIENT, scopes)));
        } catch (IllegalStateException unsafe) {
            return contractInvalid(unsafe);
        }
    }

    /** The gate both documents share: a fixed issuer and a usable public shell client. */
    private static Response refusal(ContractRequest request) {
        if (request.issuerFollowsRequest()) {
            return EnvDocumentResource.issuerNotFixed();
        }
        ClientModel client = request.realm().getClientByClientId(Contract.SHELL_CLIENT);
        if (client == null || !client.isEnabled() || !client.isPublicClient() || !client.isStandardFlowEnabled()
                || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            return ResponsePolicy.error(409, "shell_client_missing", "realm " + request.realm().getName()
                            + " has no enabled public OpenID Connect client " + Contract.SHELL_CLIENT + " with the standard flow",
                    "Create the client " + Contract.SHELL_CLIENT + " (Client authentication off, Standard flow on, PKCE"
                            + " S256) as in docker/realm/mozaiks-realm.json, with your origin's redirect URI and web origin");
        }
        return null;
    }

    private static BrowserOrigin origin(ContractRequest request) {
        List<String> given = request.session().getContext().getUri().getQueryParameters().get(ORIGIN_PARAMETER);
        if (given == null || given.isEmpty()) {
            return BrowserOrigin.parse(BrowserOrigin.DEV_DEFAULT);
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("origin given " + given.size() + " times; give it once");
        }
        return BrowserOrigin.parse(given.get(0));
    }

    private static Response invalidOrigin(IllegalArgumentException bad) {
        return ResponsePolicy.error(400, "invalid_origin", bad.getMessage(),
                "Pass ?origin=<scheme>://<host>[:<port>] exactly as the browser shows it (no path, no trailing slash),"
                        + " or leave it out for " + BrowserOrigin.DEV_DEFAULT);
    }

    private static Response contractInvalid(IllegalStateException unsafe) {
        return ResponsePolicy.error(409, "contract_invalid", unsafe.getMessage(),
                "Correct the named setting (issuer: the hostname or the realm's Frontend URL; others: the contract mapper)");
    }
}
