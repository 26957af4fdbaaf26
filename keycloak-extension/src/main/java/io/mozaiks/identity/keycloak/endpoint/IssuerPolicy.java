package io.mozaiks.identity.keycloak.endpoint;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.HostnameProvider;
import org.keycloak.urls.UrlType;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/**
 * Does the realm's issuer follow the request (Host / X-Forwarded-* headers)? Asked of Keycloak's own
 * hostname provider, not of its config keys: the frontend base URL is computed for two requests that
 * differ in scheme, host and port; if the answers differ, the issuer is request-controlled. This covers
 * {@code --hostname} as a URL (static), as a bare host name (scheme and port still follow the request),
 * unset, and a realm's Frontend URL, in every hostname provider version.
 */
final class IssuerPolicy {

    private static final Logger LOG = Logger.getLogger(IssuerPolicy.class);
    static final URI PROBE_A = URI.create("http://mozaiks-probe-a.invalid:1/");
    static final URI PROBE_B = URI.create("https://mozaiks-probe-b.invalid:2/");

    private IssuerPolicy() {
    }

    /** Pure decision, given the frontend base URL the server would compute for a request's base URI. */
    static boolean followsRequest(Function<URI, URI> frontendBaseFor) {
        return !frontendBaseFor.apply(PROBE_A).equals(frontendBaseFor.apply(PROBE_B));
    }

    static boolean followsRequest(KeycloakSession session) {
        return followsRequest(session, UrlType.FRONTEND);
    }

    /**
     * For {@link UrlType#BACKEND}: true when back-channel URLs follow the request, i.e.
     * {@code hostname-backchannel-dynamic} is on (with a fixed frontend).
     */
    static boolean followsRequest(KeycloakSession session, UrlType type) {
        HostnameProvider hostnames = session.getProvider(HostnameProvider.class);
        try {
            return followsRequest(base -> baseUrl(hostnames, probe(base), type));
        } catch (RuntimeException unexpected) {
            // Fail safe: an undecidable answer counts as request-controlled; said once, not per request.
            if (!warned) {
                warned = true;
                LOG.warnf("mozaiks contract: cannot tell whether %s URLs are fixed (%s); treating them as request-controlled",
                        type, unexpected.toString());
            }
            return true;
        }
    }

    private static volatile boolean warned;

    /**
     * The frontend base URL, from its four parts. {@code HostnameProvider.getBaseUri(UriInfo, UrlType)} answers
     * the same but exists only since Keycloak 26.5 (on 26.4 calling it is a {@code NoSuchMethodError}); the
     * parts exist in every Keycloak 26, and every hostname provider implements them.
     */
    static URI baseUrl(HostnameProvider hostnames, UriInfo request, UrlType type) {
        try {
            return new URI(hostnames.getScheme(request, type), null, hostnames.getHostname(request, type),
                    hostnames.getPort(request, type), hostnames.getContextPath(request, type), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("hostname provider answered an invalid base URL: " + e.getMessage(), e);
        }
    }

    /** A UriInfo that answers only its base URI: all a hostname provider needs for a base URL. */
    static UriInfo probe(URI base) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseUri", "getRequestUri", "getAbsolutePath" -> base;
                    case "getBaseUriBuilder", "getRequestUriBuilder", "getAbsolutePathBuilder" -> UriBuilder.fromUri(base);
                    case "toString" -> "probe " + base;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("UriInfo." + method.getName());
                });
    }
}
