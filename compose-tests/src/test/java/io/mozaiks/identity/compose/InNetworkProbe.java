package io.mozaiks.identity.compose;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs INSIDE a container on the compose network, as a consumer service would (JDK only, no other class):
 * fetches discovery, the JWKS it names, a service token from the token endpoint it names, and the
 * in-network env documents, all through {@code http://keycloak:8080}. Prints one line per fetch,
 * {@code <name> <status> <base64 body>}, for {@link ComposeStackIT} to check on the host.
 *
 * <p>Arguments: the in-network base URL, the realm, the service client id; the client secret comes from
 * the environment variable {@code PROBE_CLIENT_SECRET}, never from the command line.
 */
public final class InNetworkProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private InNetworkProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String realmUrl = args[0] + "/realms/" + args[1];
        String discovery = fetch("discovery", HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration")));
        fetch("jwks", HttpRequest.newBuilder(URI.create(field(discovery, "jwks_uri"))));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(args[2], StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(System.getenv("PROBE_CLIENT_SECRET"), StandardCharsets.UTF_8);
        fetch("token", HttpRequest.newBuilder(URI.create(field(discovery, "token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        for (String consumer : new String[] {"core", "platform", "plugin-host"}) {
            fetch("env-" + consumer, HttpRequest.newBuilder(URI.create(realmUrl + "/mozaiks/contract/env/" + consumer + "?backchannel=true")));
        }
    }

    private static String fetch(String name, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(name + " " + response.statusCode() + " "
                + Base64.getEncoder().encodeToString(response.body().getBytes(StandardCharsets.UTF_8)));
        return response.body();
    }

    /** A top-level string field of a JSON object; enough for discovery's URLs without a JSON library. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1).replace("\\/", "/");
    }
}
