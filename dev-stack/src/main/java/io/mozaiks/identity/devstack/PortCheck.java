package io.mozaiks.identity.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Optional;

/**
 * Can Keycloak bind this port? And if not, why, in words that lead to the right fix: "in use" means
 * another program listens there; anything else (Windows answers "access permissions" for the port ranges
 * Hyper-V, WSL or Docker Desktop reserve, Linux "Permission denied" below 1024) is not fixed by stopping
 * a program, so it must not be reported as a taken port.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** Empty when the port can be bound on all interfaces (as Keycloak will); otherwise the bind error. */
    static Optional<IOException> bindError(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    /** True when the error says another socket holds the port (Linux, macOS and Windows all say "in use"). */
    static boolean isInUse(IOException error) {
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("in use");
    }

    /**
     * The one-line error for a port that cannot be bound. {@code what} names it ("port", "management port"),
     * {@code option} is the option that changes it.
     */
    static String message(int port, String what, String option, IOException error) {
        if (isInUse(error)) {
            return what + " " + port + " is already in use - stop what listens there"
                    + " (another Keycloak or dev-stack?) or choose another: " + option + " <port>";
        }
        return what + " " + port + " cannot be opened, though nothing is reported to listen there: " + error.getMessage()
                + " - on Windows the port is probably in a range reserved by Hyper-V, WSL or Docker Desktop"
                + " (see: netsh interface ipv4 show excludedportrange protocol=tcp); below 1024 it needs privileges."
                + " Choose another: " + option + " <port>";
    }
}
