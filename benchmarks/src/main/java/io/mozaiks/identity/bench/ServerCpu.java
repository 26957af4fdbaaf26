package io.mozaiks.identity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time the Keycloak JVM (a child of this process: kc.sh forks java) has used, from
 * {@code /proc/<pid>/stat} (Linux only; elsewhere the CPU columns are left out). Unlike throughput,
 * CPU per token hardly moves when other builds steal the cores, so it is the steadier cost measure on a
 * shared machine. Resolution: one clock tick (10 ms) per reading.
 */
final class ServerCpu {

    /** USER_HZ; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path stat;

    private ServerCpu(Path stat) {
        this.stat = stat;
    }

    static Optional<ServerCpu> find() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Optional.empty();
        }
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("keycloak")).orElse(false))
                .findFirst()
                .map(p -> new ServerCpu(Path.of("/proc", Long.toString(p.pid()), "stat")));
    }

    /** User + system CPU of all the JVM's threads so far, in nanoseconds; -1 if unreadable. */
    long nanos() {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
