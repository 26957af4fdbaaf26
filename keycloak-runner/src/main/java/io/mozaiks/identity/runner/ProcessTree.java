package io.mozaiks.identity.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Stops a process and its descendants: polite first, forced after a grace period. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * The JVM of a launcher process: {@code kc.sh} runs {@code java} as a child (or execs it, in which case
     * the root itself is the JVM).
     */
    static ProcessHandle jvm(ProcessHandle root) {
        return root.descendants().filter(ProcessTree::isJava).findFirst()
                .orElseGet(() -> {
                    if (isJava(root)) {
                        return root;
                    }
                    throw new IllegalStateException("no java process under " + root.pid() + " (" + root.info().command().orElse("?") + ")");
                });
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command()
                .map(c -> c.endsWith("/java") || c.endsWith("\\java.exe") || c.equals("java"))
                .orElse(false);
    }

    static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = root.descendants().collect(Collectors.toList());
        all.add(0, root);
        stopAll(all, grace);
    }

    /** Every process {@code parent} started, not {@code parent} itself (e.g. this JVM on Ctrl-C). */
    public static void stopDescendants(ProcessHandle parent, Duration grace) {
        stopAll(parent.descendants().collect(Collectors.toList()), grace);
    }

    private static void stopAll(List<ProcessHandle> all, Duration grace) {
        // The deepest first (the JVM child before its launcher): kc.sh forwards signals, but kc.bat does not.
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception timeoutOrInterrupt) {
                handle.destroyForcibly();
            }
        }
    }
}
