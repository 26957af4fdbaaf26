package io.mozaiks.identity.keycloak.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsePolicyTest {

    private static void assertPolicyHeaders(Response response) {
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
        assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void everyKindOfAnswerCarriesThePolicyHeaders() {
        for (Response response : List.of(ResponsePolicy.json(200, Map.of("a", 1)), ResponsePolicy.text("A=b\n"),
                ResponsePolicy.error(404, "not_found", "d", "f"), ResponsePolicy.options(ContractRoutes.ALLOW),
                ResponsePolicy.methodNotAllowed(ContractRoutes.ALLOW_SETTINGS))) {
            assertPolicyHeaders(response);
        }
    }

    @Test
    void theErrorEnvelopeHasErrorDescriptionDetailsAndFixInThatOrder() throws Exception {
        Response response = ResponsePolicy.error(400, "invalid_settings", "not changed", Map.of("problems", List.of("p")), "fix it");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree((String) response.getEntity());
        assertThat(body.fieldNames()).toIterable().containsExactly("error", "error_description", "problems", "fix");
        assertThat(body.get("problems").get(0).asText()).isEqualTo("p");
    }

    @Test
    void preflightOffersBrowsersTheReadMethodsOnly() {
        Response response = ResponsePolicy.options(ContractRoutes.ALLOW_SETTINGS);

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeaderString("Allow")).isEqualTo("GET, HEAD, PUT, OPTIONS");
        assertThat(response.getHeaderString("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(response.getHeaderString("Access-Control-Allow-Headers")).isEqualTo("Authorization, Accept");
    }

    @Test
    void methodNotAllowedSaysWhatIsAllowed() {
        Response response = ResponsePolicy.methodNotAllowed(ContractRoutes.ALLOW);

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat((String) response.getEntity()).contains("\"method_not_allowed\"");
    }

    @Test
    void headKeepsHeadersAndDropsTheBody() {
        Response head = ResponsePolicy.head(ResponsePolicy.json(200, Map.of("a", 1)));

        assertThat(head.getEntity()).isNull();
        assertPolicyHeaders(head);
    }

    @Test
    void jsonOnlyWhenPreferredOverTextAndWildcards() {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertThat(ResponsePolicy.wantsJson(List.of(json))).isTrue();
        assertThat(ResponsePolicy.wantsJson(List.of(MediaType.valueOf("application/xml"), json))).isTrue();
        assertThat(ResponsePolicy.wantsJson(List.of(MediaType.TEXT_PLAIN_TYPE, json))).isFalse();
        assertThat(ResponsePolicy.wantsJson(List.of(MediaType.WILDCARD_TYPE, json))).isFalse();
        assertThat(ResponsePolicy.wantsJson(List.of())).isFalse();
    }
}
