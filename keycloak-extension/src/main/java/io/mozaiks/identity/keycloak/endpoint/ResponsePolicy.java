package io.mozaiks.identity.keycloak.endpoint;

import org.keycloak.util.JsonSerialization;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every answer of {@code <issuer>/mozaiks/...} looks: never cached (it reflects live config), readable
 * cross-origin (public, read-only data; CORS offers only the read methods), errors as one JSON envelope
 * {@code {"error", "error_description", "fix"}}, and JSON or text chosen by {@code Accept}. The contract
 * resource and the settings endpoint both answer through it.
 */
final class ResponsePolicy {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");
    static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8");

    private ResponsePolicy() {
    }

    /** Every answer starts here. */
    static Response.ResponseBuilder base(int status) {
        return Response.status(status)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Access-Control-Allow-Origin", "*");
    }

    static Response json(int status, Object body) {
        try {
            return base(status).type(JSON).entity(JsonSerialization.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response text(String body) {
        return base(200).type(TEXT).entity(body).build();
    }

    static Response error(int status, String code, String description, String fix) {
        return error(status, code, description, Map.of(), fix);
    }

    /** @param details extra fields (e.g. {@code problems}), placed between the description and the fix */
    static Response error(int status, String code, String description, Map<String, Object> details, String fix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        body.putAll(details);
        body.put("fix", fix);
        return json(status, body);
    }

    /** A CORS preflight or plain OPTIONS: what the path allows, and the read methods for browsers. */
    static Response options(String allow) {
        return base(Response.Status.NO_CONTENT.getStatusCode())
                .header("Allow", allow)
                .header("Access-Control-Allow-Methods", ContractRoutes.ALLOW)
                .header("Access-Control-Allow-Headers", "Authorization, Accept")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    static Response methodNotAllowed(String allow) {
        return Response.fromResponse(error(405, "method_not_allowed", "this contract resource is read-only"
                + " (only /contract/settings takes PUT, from realm admins)", "Use " + allow)).header("Allow", allow).build();
    }

    /** The GET answer without its body, headers kept. */
    static Response head(Response get) {
        return Response.fromResponse(get).entity(null).build();
    }

    /**
     * JSON only when the client prefers {@code application/json} over text and wildcards, by the order
     * JAX-RS sorts {@code Accept} (quality first); everything else gets text.
     */
    static boolean wantsJson(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
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
}
