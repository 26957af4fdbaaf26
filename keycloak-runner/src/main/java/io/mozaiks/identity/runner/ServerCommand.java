package io.mozaiks.identity.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code kc.sh} / {@code kc.bat} command line for a {@link ServerSettings}; pure, so it is unit-tested. */
public final class ServerCommand {

    private ServerCommand() {
    }

    public static boolean isWindows(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    public static List<String> startDev(ServerSettings settings, String osName) {
        List<String> command = new ArrayList<>(launcher(settings.home(), osName));
        command.add("start-dev");
        command.add("--http-host=127.0.0.1");
        command.add("--http-port=" + settings.httpPort());
        command.add("--http-management-port=" + settings.managementPort());
        command.add("--health-enabled=true");
        command.add("--db=" + settings.database());
        command.add("--import-realm");
        if (settings.hostname() != null) {
            command.add("--hostname=" + settings.hostname());
        }
        command.addAll(settings.extraArgs());
        return command;
    }

    /** kc.sh is run through bash so the unpacked zip needs no exec bit; kc.bat through cmd. */
    static List<String> launcher(Path home, String osName) {
        Path bin = home.resolve("bin");
        if (isWindows(osName)) {
            return List.of("cmd.exe", "/c", bin.resolve("kc.bat").toString());
        }
        return List.of("bash", bin.resolve("kc.sh").toString());
    }
}
