package io.mozaiks.identity.devstack;

import java.io.PrintWriter;

/** Prints a line every 15 s while Keycloak starts, so a slow first run visibly makes progress. */
final class StartTicker implements AutoCloseable {

    private final Thread thread;

    StartTicker(PrintWriter out, long started) {
        thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    out.printf("      still starting... %.0f s%n", (System.nanoTime() - started) / 1e9);
                    out.flush();
                }
            } catch (InterruptedException done) {
                // started, failed or stopped
            }
        }, "dev-stack-ticker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
