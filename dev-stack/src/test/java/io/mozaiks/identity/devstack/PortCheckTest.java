package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    @Test
    void aListeningSocketIsReportedAsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            IOException error = PortCheck.bindError(port).orElseThrow();

            assertThat(PortCheck.isInUse(error)).as(error.getMessage()).isTrue();
            assertThat(PortCheck.message(port, "port", "--port", error))
                    .startsWith("port " + port + " is already in use").endsWith("--port <port>");
        }
    }

    @Test
    void aFreePortHasNoError() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.bindError(port)).isEmpty();
    }

    @Test
    void inUseAsEachPlatformSpellsIt() {
        assertThat(PortCheck.isInUse(new BindException("Address already in use"))).isTrue();          // Linux, macOS
        assertThat(PortCheck.isInUse(new BindException("Address already in use: bind"))).isTrue();    // Windows
        assertThat(PortCheck.isInUse(new BindException("Address already in use: NET_Bind"))).isTrue(); // older Windows JDKs
    }

    @Test
    void windowsReservedRangesAndPrivilegedPortsAreNotCalledTaken() {
        IOException windows = new SocketException(
                "An attempt was made to access a socket in a way forbidden by its access permissions");
        IOException denied = new BindException("Permission denied");

        for (IOException error : new IOException[] {windows, denied, new BindException(null)}) {
            assertThat(PortCheck.isInUse(error)).isFalse();
            String message = PortCheck.message(8080, "management port", "--management-port", error);
            assertThat(message).startsWith("management port 8080 cannot be opened")
                    .doesNotContain("already in use").contains("excludedportrange").endsWith("--management-port <port>");
        }
        assertThat(PortCheck.message(8080, "port", "--port", windows)).contains("access permissions");
    }
}
