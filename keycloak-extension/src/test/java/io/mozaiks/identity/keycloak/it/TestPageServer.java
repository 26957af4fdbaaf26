package io.mozaiks.identity.keycloak.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The project's own browser-client test pages on a loopback origin ({@code http://127.0.0.1:<free port>}): the
 * shell page ({@code src/test/web/pages/shell.html}, also at {@code /} and {@code /auth/callback}), the successor
 * page, and the two libraries from {@code node_modules} (npm ci of src/test/web). A fixed set of paths, nothing else.
 */
final class TestPageServer implements AutoCloseable {

    static final String OIDC_CLIENT_TS = "oidc-client-ts/dist/browser/oidc-client-ts.min.js";
    static final String KEYCLOAK_JS = "keycloak-js/lib/keycloak.js";

    private final HttpServer server;
    private final Map<String, Path> files;

    private TestPageServer(HttpServer server, Map<String, Path> files) {
        this.server = server;
        this.files = files;
    }

    /** The pinned libraries the pages load; empty when they are not installed. */
    static java.util.Optional<String> missing(Path web) {
        Path modules = web.resolve("node_modules");
        for (String library : new String[] {OIDC_CLIENT_TS, KEYCLOAK_JS}) {
            if (!Files.isRegularFile(modules.resolve(library))) {
                return java.util.Optional.of("no " + modules.resolve(library) + " (npm ci in " + web
                        + "; the build runs it when npm is on the PATH; Debian: apt-get install -y nodejs npm)");
            }
        }
        return java.util.Optional.empty();
    }

    static TestPageServer start(Path web) {
        Path pages = web.resolve("pages");
        Path modules = web.resolve("node_modules");
        Map<String, Path> files = Map.of(
                "/", pages.resolve("shell.html"),
                "/shell.html", pages.resolve("shell.html"),
                "/auth/callback", pages.resolve("shell.html"),
                "/successor.html", pages.resolve("successor.html"),
                "/lib/oidc-client-ts.min.js", modules.resolve(OIDC_CLIENT_TS),
                "/lib/keycloak.js", modules.resolve(KEYCLOAK_JS));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestPageServer pageServer = new TestPageServer(server, files);
            server.createContext("/", pageServer::serve);
            server.start();
            return pageServer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the origin the pages run on. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = files.get(exchange.getRequestURI().getPath());
            if (file == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".js")
                    ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
