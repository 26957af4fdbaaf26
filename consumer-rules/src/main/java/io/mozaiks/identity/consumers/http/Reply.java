package io.mozaiks.identity.consumers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** One HTTP answer: status, headers and body, with the body as JSON on demand. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Fails with the body in the message, so a broken set-up says why. */
    public Reply expect(int expectedStatus) {
        if (status != expectedStatus) {
            throw new AssertionError("expected HTTP " + expectedStatus + " but got " + status + ": " + body);
        }
        return this;
    }

    public String field(String name) {
        JsonNode node = json().get(name);
        return node == null || node.isNull() ? null : node.asText();
    }
}
