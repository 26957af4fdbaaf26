package io.mozaiks.identity.doctor.token;

import picocli.CommandLine.Option;

/** How a token report is written: the options every token-explaining command shares. */
public final class OutputOptions {

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--show-token", description = "Also print the token itself (never printed otherwise).")
    boolean showToken;

    /** The token to print, or null unless {@code --show-token}. */
    String shown(String token) {
        return showToken ? token : null;
    }
}
