package io.mozaiks.identity.consumers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Keycloak-shaped issuer on 127.0.0.1 (free port): discovery, JWKS and a token endpoint under
 * {@code /realms/mozaiks}, RSA keys made here, and a count of every request it answered.
 */
final class LocalIssuer implements AutoCloseable {

    static final String REALM_PATH = "/realms/mozaiks";
    static final String ACCESS_TOKEN = "local-service-token";

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();

    private LocalIssuer(int keyCount) throws IOException, JOSEException {
        for (int i = 1; i <= keyCount; i++) {
            keys.add(new RSAKeyGenerator(2048).keyID("k" + i).generate());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + ContractEnv.jwksUrl(issuer())
                        + "\",\"token_endpoint\":\"" + tokenEndpoint() + "\"}"));
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> answer(exchange,
                new JWKSet(new ArrayList<>(keys)).toPublicJWKSet().toString()));
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", exchange -> {
            tokenRequestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        server.start();
    }

    static LocalIssuer start() {
        return start(1);
    }

    static LocalIssuer start(int keyCount) {
        try {
            return new LocalIssuer(keyCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** iss, aud mozaiks-api, sub, exp in five minutes, iat now: what every consumer needs. */
    JWTClaimsSet.Builder claims() {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(ContractEnv.AUDIENCE)
                .subject("user-1")
                .expirationTime(new Date(now + 300_000))
                .issueTime(new Date(now));
    }

    /** Signed with the first key, its kid in the header. */
    String sign(JWTClaimsSet claims) {
        return sign(claims, keys.get(0).getKeyID());
    }

    /** Signed with the first key; {@code kid} goes in the header as given (null = no kid). */
    String sign(JWTClaimsSet claims, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(keys.get(0)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key published in the JWKS from now on (a key rotation); answers its index for {@link #signWithKey}. */
    int addKey(String kid) {
        try {
            keys.add(new RSAKeyGenerator(2048).keyID(kid).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return keys.size() - 1;
    }

    /** Signed with key {@code index}, its kid in the header. */
    String signWithKey(JWTClaimsSet claims, int index) {
        try {
            RSAKey key = keys.get(index);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        requests.incrementAndGet();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
