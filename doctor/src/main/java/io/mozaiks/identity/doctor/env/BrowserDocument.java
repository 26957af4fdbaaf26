package io.mozaiks.identity.doctor.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.contractenv.BrowserOrigin;
import io.mozaiks.identity.contractenv.DotEnv;
import io.mozaiks.identity.contractenv.EnvNames;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser clients' documents that {@code mozaiks-doctor env} compares: mozaiks-core's shell ({@code VITE_AUTH_*}
 * dotenv, against {@code /contract/env/shell?origin=<the origin of its redirect URI>}) and the successor chat UI's
 * {@code auth.json} (its {@code keycloak.*} and {@code roles.*} values, against {@code /contract/env/successor-ui}).
 * Values the document does not set are the client's own business and not compared.
 */
enum BrowserDocument {
    SHELL("shell"), SUCCESSOR_UI("successor-ui");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String segment;

    BrowserDocument(String segment) {
        this.segment = segment;
    }

    static Optional<BrowserDocument> named(String name) {
        for (BrowserDocument d : values()) {
            if (d.segment.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    String segment() {
        return segment;
    }

    /** The client's values: the shell's dotenv as loaders read it, the auth.json flattened to dotted names. */
    Map<String, String> read(String text) throws IOException {
        return this == SHELL ? DotEnv.parse(text, DotEnv.Reading.LENIENT) : flatten(JSON.readTree(text));
    }

    /** What the endpoint answered, in the same form as {@link #read}. */
    Map<String, String> expected(String body) throws IOException {
        return this == SHELL ? DotEnv.parse(body) : flatten(JSON.readTree(body));
    }

    String issuer(Map<String, String> actual) {
        return actual.get(this == SHELL ? EnvNames.VITE_AUTH_AUTHORITY : "keycloak.authority");
    }

    /** The document's URL; the shell's for the origin its redirect URI is on (the dev default without one). */
    String url(String issuer, Map<String, String> actual) {
        String document = issuer + "/mozaiks/contract/env/" + segment;
        if (this != SHELL) {
            return document;
        }
        String redirect = actual.get(EnvNames.VITE_AUTH_REDIRECT_URI);
        String origin = BrowserOrigin.DEV_DEFAULT;
        if (redirect != null && !redirect.isBlank()) {
            URI uri = URI.create(redirect);
            origin = uri.getScheme() + "://" + uri.getRawAuthority();
        }
        return document + "?origin=" + URLEncoder.encode(origin, StandardCharsets.UTF_8);
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String section : new String[] {"keycloak", "roles"}) {
            JsonNode node = root.path(section);
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    out.put(section + "." + e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }
}
