package io.mozaiks.identity.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.http.Http;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reading a consumer's environment variables the way the consumer does. */
final class ConsumerEnv {

    private final Map<String, String> env;

    ConsumerEnv(Map<String, String> env) {
        this.env = env;
    }

    String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The variable, or the consumer's default when it is absent or empty. */
    String get(EnvVariable variable) {
        return get(variable.name(), variable.defaultValue());
    }

    String required(EnvVariable variable) {
        return required(variable.name());
    }

    String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Fetches a discovery document and answers {issuer, jwks_uri}. */
    static String[] discover(String discoveryUrl) {
        JsonNode doc = Http.get(discoveryUrl).expect(200).json();
        return new String[] {doc.get("issuer").asText(), doc.get("jwks_uri").asText()};
    }

    static URL url(String value) {
        try {
            return URI.create(value).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + value, e);
        }
    }

    /** A claim that is a JSON list, or a string split on the given separators. */
    static List<String> listOrSplit(Object claim, String separators) {
        List<String> out = new ArrayList<>();
        if (claim instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        } else if (claim instanceof String text) {
            Arrays.stream(text.split("[" + separators + "]+")).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
